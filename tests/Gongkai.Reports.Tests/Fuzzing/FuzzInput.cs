namespace Gongkai.Reports.Tests.Fuzzing;

/// <summary>A well-formed file of one format that the fuzzer damages.</summary>
public sealed record FuzzInput(string Name, string Format, byte[] Bytes)
{
    public bool IsZip => Format == "docx";

    public override string ToString() => Name;
}

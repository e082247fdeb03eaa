namespace Gongkai.Reports;

/// <summary>The input is not a readable report; the message says why, in Chinese, for the user.</summary>
public sealed class ReportReadException : Exception
{
    public ReportReadException(string message)
        : base(message)
    {
    }

    public ReportReadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ReportReadException()
    {
    }
}

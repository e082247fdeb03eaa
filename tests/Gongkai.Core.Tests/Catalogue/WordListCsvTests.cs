using System.Text;
using Gongkai.Core.Catalogue;
using Gongkai.Core.Tests.Files;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Tests.Catalogue;

public sealed class WordListCsvTests
{
    [Theory]
    [MemberData(nameof(CsvTests.Awkward), MemberType = typeof(CsvTests))]
    public async Task WriteThenRead_AwkwardCorrectionAndNote_ReadBackTrimmed(string value)
    {
        var entry = new WordListEntry { Word = "=既使", Kind = WordKind.Wrong, Correction = "即使" + value, Action = WordAction.Block, Note = value, UpdatedBy = "系统" };
        using var csv = new MemoryStream();

        await WordListCsv.WriteAsync([entry], csv);
        var lines = WordListCsv.Read(Encoding.UTF8.GetString(csv.ToArray()), out var headerError);

        headerError.ShouldBeNull();
        var line = lines.ShouldHaveSingleItem();
        line.Errors.ShouldBeEmpty();
        line.LineNumber.ShouldBe(2);
        line.Input.ShouldBe(new WordInput("=既使", WordKind.Wrong, ("即使" + value).Trim(), WordAction.Block, value.Trim() is { Length: > 0 } note ? note : null));
    }
}

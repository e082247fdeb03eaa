using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

public sealed class LettersTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reply_CitesTheOutcomesArticleAndReviewFirst_AsDocx(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        var request = await world.RegisterAsync("2026-03-02");
        (await world.StepAsync(request.Id, new StepInput { Step = RequestStep.Decide, Date = D("2026-03-19"), Outcome = Outcome.DeniedProcessInformation, Reason = "该纪要为讨论记录。" }))
            .Succeeded.ShouldBeTrue();

        var letter = (await world.CaseAsync(request.Id)).Letters[^1];
        var text = await DocxTextAsync(world, letter.DocxFileId);

        letter.Title.ShouldBe("政府信息公开申请答复书");
        letter.Number.ShouldBe(request.Number + "-02");
        text.ShouldContain("政府信息公开申请答复书");
        text.ShouldContain("张三：");
        text.ShouldContain("本机关于2026年3月2日收到您提出的政府信息公开申请");
        text.ShouldContain("根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。");
        text.ShouldContain("该纪要为讨论记录。");
        text.ShouldContain("应当自收到本答复之日起60日内向示范市人民政府申请行政复议", Case.Sensitive, "the office's government reviews it, and review comes first");
        text.ShouldContain("示范市人民政府办公室2026年3月19日");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditedTemplate_UsedForTheNextLetter_UnknownPlaceholderRefused(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using (var scope = world.Database.Scope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<LetterService>();
            var bad = await letters.SaveTemplateAsync("Acknowledgement", "登记回执", "{申请人}您好，{不存在}", AuditActor.System);
            bad.Errors.ShouldHaveSingleItem().Message.ShouldContain("{不存在}");
            (await letters.SaveTemplateAsync("Acknowledgement", "受理回执", "{收到申请日期}收到，答复期限至{答复期限}。", AuditActor.System)).Succeeded.ShouldBeTrue();
        }

        var request = await world.RegisterAsync("2026-03-02");

        var letter = (await world.CaseAsync(request.Id)).Letters.ShouldHaveSingleItem();
        (letter.Title, letter.Body).ShouldBe(("受理回执", "2026年3月2日收到，答复期限至2026年3月30日。"));
        await using (var scope = world.Database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<LetterService>().ResetTemplateAsync("Acknowledgement", AuditActor.System);
            (await scope.ServiceProvider.GetRequiredService<LetterService>().TemplateAsync("Acknowledgement")).Title.ShouldBe("政府信息公开申请登记回执");
        }
    }

    [Fact]
    public void Templates_EveryOneUsesOnlyKnownPlaceholders_AndEveryOutcomeHasAReply()
    {
        foreach (var template in LetterTemplates.Defaults)
            LetterFields.Unknown(template.Title + template.Body).ShouldBeEmpty(template.Key);
        foreach (var outcome in Enum.GetValues<Outcome>())
            LetterTemplates.Default(LetterTemplates.Key(LetterKind.Reply, outcome, transfer: false)).ShouldNotBeNull(outcome.ToString());
    }

    [Fact]
    public void Docx_ValidAgainstTheSchema_AndTheSignatureKeptWithTheLastParagraph()
    {
        var bytes = LetterDocx.Write(new LetterDocument("政府信息公开申请答复书", "2026-000001-02", "张三", ["第一段。", "第二段。"], "示范市人民政府办公室", D("2026-03-19")));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).ShouldBeEmpty();
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        paragraphs.Select(p => p.InnerText).ShouldBe(["政府信息公开申请答复书", "2026-000001-02", "张三：", "第一段。", "第二段。", "示范市人民政府办公室", "2026年3月19日"]);
        paragraphs.Where(p => p.ParagraphProperties!.KeepNext is not null).Select(p => p.InnerText).ShouldBe(["第二段。", "示范市人民政府办公室"]);
    }

    [Fact]
    public void Pdf_FromTheSameText_HasTheLetter()
    {
        var pdf = LetterPdf.Write(new LetterDocument("政府信息公开申请答复书", "2026-000001-02", "张三", ["第一段。", "第二段。"], "示范市人民政府办公室", D("2026-03-19")));

        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        pdf.Length.ShouldBeGreaterThan(1000);
    }

    private static async Task<string> DocxTextAsync(RequestsWorld world, Guid fileId)
    {
        await using var scope = world.Database.Scope();
        var file = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().StoredFiles.SingleAsync(f => f.Id == fileId);
        await using var stream = await scope.ServiceProvider.GetRequiredService<FileStore>().OpenReadAsync(file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        using var word = WordprocessingDocument.Open(copy, false);
        return string.Concat(word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }
}

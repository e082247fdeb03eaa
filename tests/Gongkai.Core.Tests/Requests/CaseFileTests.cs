using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Export;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Gongkai.Reports.Writing;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;
using static Gongkai.Core.Tests.Support.SignOffWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>案卷: the whole file of a request as one PDF, ready for the court.</summary>
public sealed class CaseFileTests
{
    private static readonly byte[] Scan = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Export_OnePdf_CoverApplicationLettersInOrderProofsAndHistory()
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite);
        var request = await world.Requests.RegisterAsync("2026-03-16");
        await using (var scope = world.Requests.Database.Scope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<RequestCommands>();
            Ok(await commands.AttachAsync(request.Id, [new Upload(new MemoryStream(Scan), "身份证.png", AttachmentKind.Supporting),
                new Upload(new MemoryStream(ChromiumPdf.Render("<p>DELIVERY RECEIPT 送达回证</p>")), "送达回证.pdf", AttachmentKind.OfficeRecord),
                new Upload(new MemoryStream("%PDF-1.4 broken"u8.ToArray()), "损坏.pdf", AttachmentKind.Supporting)], world.Handler));
        }
        var correction = Ok(await world.DraftsAsync(async d => await d.DraftAsync(request.Id, new StepInput
        {
            Step = RequestStep.RequestCorrection, Items = "请写明文件名称。", PeriodWorkingDays = 10, Version = await world.Requests.VersionAsync(request.Id),
        }, world.Handler, [])));
        Ok(await world.SubmitAsync(correction.Id));
        Ok(await world.SignOffAsync(correction.Id));
        await using (var scope = world.Requests.Database.Scope())
            Ok(await scope.ServiceProvider.GetRequiredService<RequestCommands>().ApplicantCorrectAsync(request.Id, "文件为示发改〔2025〕31号。", [], Core.Audit.AuditActor.System));
        var reply = Ok(await world.SignOffAsync((await world.AtSignOffAsync(request.Id)).Id));

        CaseFile file;
        await using (var scope = world.Requests.Database.Scope())
            file = Ok(await scope.ServiceProvider.GetRequiredService<CaseFileExport>().ExportAsync(request.Id, world.Handler));

        file.FileName.ShouldBe($"案卷（申请{request.Number}）.pdf");
        var text = VerificationTests.PdfText(file.Content);
        string[] order = ["政府信息公开申请案卷", "损坏.pdf", "政府信息公开申请表", "申请材料：身份证.png", "政府信息公开申请登记回执",
            "政府信息公开申请补正告知书", "政府信息公开申请答复书", reply.Number, "DELIVERY RECEIPT", "办理记录", "法制审核通过"];
        var position = 0;
        foreach (var part in order)
        {
            position = text.IndexOf(part, position, StringComparison.Ordinal);
            position.ShouldBeGreaterThanOrEqualTo(0, $"“{part}” after the parts before it");
        }
        PdfPages(file.Content).ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Export_LegalReviewerOfAnotherAgency_NotFound_ReviewerRefused()
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite);
        var request = await world.Requests.RegisterAsync("2026-03-02");
        var secrecy = await world.Requests.StaffAsync("baomi", "陈密", Core.Accounts.Roles.Reviewer, world.Requests.Office.Id);

        await using var scope = world.Requests.Database.Scope();
        var export = scope.ServiceProvider.GetRequiredService<CaseFileExport>();
        await Should.ThrowAsync<KeyNotFoundException>(() => export.ExportAsync(request.Id, world.Requests.PoliceHandler));
        (await export.ExportAsync(request.Id, secrecy)).Errors.ShouldHaveSingleItem().Message.ShouldBe("只有本机关办理申请的工作人员可以导出案卷。");
    }

    private static int PdfPages(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdfinfo", [path]) { RedirectStandardOutput = true })!;
            var info = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, "a PDF reader opens it");
            return int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

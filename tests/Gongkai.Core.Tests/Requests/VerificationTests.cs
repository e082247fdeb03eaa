using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.SignOffWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>/verify: a signed-off letter's number and code say it is genuine; its original PDF, byte for byte, that it is unchanged.</summary>
public sealed class VerificationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_GenuineLetter_OriginalUnchanged_ChangedCopyFails(DatabaseProvider provider)
    {
        await using var world = await SignOffWorld.CreateAsync(provider);
        await world.AgencyAsync(async a =>
        {
            using var seal = new MemoryStream(Core.Requests.Demo.DemoSeal.Png);
            Ok(await a.SetSealAsync(world.Requests.Office.Id, seal, "印章.png", AuditActor.System));
        });
        var letter = Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-02")).Id)).Id));
        var original = await OriginalAsync(world, letter);
        var again = await OriginalAsync(world, letter);

        again.ShouldBe(original, "printed once, then the stored original every time");
        var text = PdfText(original);
        text.ShouldContain("示府办依复〔2026〕1号");
        text.ShouldContain(letter.VerificationCode!);
        text.ShouldContain("/verify");
        letter.SealFileId.ShouldNotBeNull();

        var genuine = Ok(await VerifyAsync(world, " 示府办依复[2026]1号 ", letter.VerificationCode!.ToLowerInvariant(), original))!;
        (genuine.Signatory, genuine.Title, genuine.IssuedOn, genuine.Addressee, genuine.File)
            .ShouldBe(("示范市人民政府办公室", "政府信息公开申请答复书", letter.IssuedOn, "张*", FileCheck.Unchanged));
        var changed = original.ToArray();
        changed[changed.Length / 2] ^= 0x20;
        Ok(await VerifyAsync(world, letter.Number, letter.VerificationCode, changed))!.File.ShouldBe(FileCheck.Changed);
        Ok(await VerifyAsync(world, letter.Number, letter.VerificationCode, null))!.File.ShouldBe(FileCheck.NotGiven);
    }

    [Fact]
    public async Task Verify_UnknownNumberOrWrongCode_NotFound_BadInputExplained()
    {
        await using var world = await SignOffWorld.CreateAsync(DatabaseProvider.Sqlite);
        var letter = Ok(await world.SignOffAsync((await world.AtSignOffAsync((await world.Requests.RegisterAsync("2026-03-02")).Id)).Id));
        var otherCode = TrackingCode.Generate();

        (await VerifyAsync(world, "示府办依复〔2026〕2号", letter.VerificationCode, null)).ShouldSatisfyAllConditions(r => r.Succeeded.ShouldBeTrue(), r => r.Value.ShouldBeNull());
        (await VerifyAsync(world, letter.Number, otherCode, null)).Value.ShouldBeNull();
        (await VerifyAsync(world, "", "ABCD", null)).Errors.Select(e => e.Field).ShouldBe(["Number", "Code"]);
        (await VerifyAsync(world, letter.Number, letter.VerificationCode, "not a pdf"u8.ToArray())).Errors.ShouldHaveSingleItem().Message.ShouldBe("请上传 PDF 文件（收到的文书原件）。");
    }

    private static async Task<Result<VerifiedLetter?>> VerifyAsync(SignOffWorld world, string number, string? code, byte[]? pdf)
    {
        await using var scope = world.Requests.Database.Scope();
        return await scope.ServiceProvider.GetRequiredService<LetterVerification>().VerifyAsync(number, code, pdf is null ? null : new MemoryStream(pdf));
    }

    private static async Task<byte[]> OriginalAsync(SignOffWorld world, RequestLetter letter)
    {
        await using var scope = world.Requests.Database.Scope();
        var fresh = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().RequestLetters.AsNoTracking().SingleAsync(l => l.Id == letter.Id);
        var file = await scope.ServiceProvider.GetRequiredService<LetterService>().PdfAsync(fresh);
        await using var stream = await scope.ServiceProvider.GetRequiredService<FileStore>().OpenReadAsync(file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    internal static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

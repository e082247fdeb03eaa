using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Core.Tests.Support.RequestsWorld;

namespace Gongkai.Core.Tests.Requests;

/// <summary>
/// Issue 14 row 7: the applicant type is checked against the 统一社会信用代码's registration-authority prefix; a law
/// firm's code (3, 司法行政) entered as 商业企业 asks for confirmation, and is accepted once confirmed.
/// </summary>
public sealed class ApplicantTypeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Register_LawFirmCodeAsCommercialEnterprise_AsksForConfirmation(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, today: "2026-03-20");
        var lawFirm = Application(world.Office.Id) with
        {
            ApplicantType = ApplicantType.CommercialEnterprise, ApplicantName = "示范市明达律师事务所", IdentityDocument = IdentityDocument.CreditCode,
            IdentityNumber = CreditCode.Complete("31990100MA003K000"), LegalRepresentative = "林志远", ContactName = "林志远",
        };

        var unconfirmed = await RegisterAsync(world, lawFirm);
        var asSuggested = await RegisterAsync(world, lawFirm with { ApplicantType = ApplicantType.LegalServiceProvider });
        var confirmed = await RegisterAsync(world, lawFirm with { ApplicantTypeConfirmed = true });
        var enterprise = await RegisterAsync(world, lawFirm with { ApplicantName = "示范市安居置业有限公司", IdentityNumber = CreditCode.Complete("91990100MA053K005") });

        var error = unconfirmed.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(RequestInput.ApplicantType));
        error.Message.ShouldContain("通常按“法律服务机构”统计；确需按“商业企业”统计的，请勾选确认。");
        asSuggested.Value!.ApplicantType.ShouldBe(ApplicantType.LegalServiceProvider);
        confirmed.Value!.ApplicantType.ShouldBe(ApplicantType.CommercialEnterprise);
        enterprise.Succeeded.ShouldBeTrue();
    }

    private static async Task<Core.Result<InformationRequest>> RegisterAsync(RequestsWorld world, RequestInput input)
    {
        await using var scope = world.Database.Scope();
        return await scope.ServiceProvider.GetRequiredService<RequestIntake>().RegisterAsync(input,
            new RegistrationInput { Channel = Channel.InPerson, ReceivedOn = D("2026-03-19") }, [], world.Handler);
    }
}

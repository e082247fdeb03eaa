namespace Gongkai.Domain.Requests;

/// <summary>
/// 救济途径 a reply must state. Under the 行政复议法 of 2023 (第二十三条第一款第（四）项), a refusal to
/// disclose must first go to administrative review before a court; every other reply may go to
/// either. A partial disclosure refuses the rest, so it is reviewed first too.
/// </summary>
public static class Remedies
{
    public static bool ReviewFirst(Outcome outcome) => outcome is Outcome.PartiallyGranted
        or Outcome.DeniedStateSecret or Outcome.DeniedProhibitedByLaw or Outcome.DeniedThreeSecurityOneStability
        or Outcome.DeniedThirdPartyRights or Outcome.DeniedInternalAffairs or Outcome.DeniedProcessInformation
        or Outcome.DeniedEnforcementCaseFile or Outcome.DeniedAdministrativeQuery;

    /// <summary>The sentence of the reply, naming the review body (复议机关).</summary>
    public static string Text(Outcome outcome, string reviewBody) => ReviewFirst(outcome)
        ? $"如对本答复不服，应当自收到本答复之日起60日内向{reviewBody}申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十条、第二十三条）。"
        : $"如对本答复不服，可以自收到本答复之日起60日内向{reviewBody}申请行政复议，也可以自收到本答复之日起6个月内依法向人民法院提起行政诉讼。";
}

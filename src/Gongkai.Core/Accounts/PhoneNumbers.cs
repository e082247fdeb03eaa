namespace Gongkai.Core.Accounts;

public static class PhoneNumbers
{
    /// <summary>A mainland mobile (1 and ten digits) or a landline such as 0571-87654321 or 0571-87654321-801.</summary>
    public static bool IsPlausible(string phone)
    {
        if (phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit)) return true;
        var parts = phone.Split('-');
        return parts.Length <= 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            && parts.Sum(p => p.Length) is >= 7 and <= 16;
    }
}

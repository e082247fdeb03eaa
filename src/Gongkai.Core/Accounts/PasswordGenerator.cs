using System.Security.Cryptography;

namespace Gongkai.Core.Accounts;

/// <summary>
/// One-time passwords handed to a person (first run, new staff, reset): easy to read aloud and type,
/// no look-alike characters, and always meeting <see cref="IdentityPolicy"/>.
/// </summary>
public static class PasswordGenerator
{
    private const string Lower = "abcdefghjkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    /// <summary>Three groups of four, e.g. <c>Kd7m-pQ3x-9tRw</c>: about 70 bits.</summary>
    public static string Create()
    {
        const string all = Lower + Upper + Digits;
        while (true)
        {
            var chars = new char[14];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = i is 4 or 9 ? '-' : all[RandomNumberGenerator.GetInt32(all.Length)];
            var text = new string(chars);
            if (text.Any(char.IsAsciiLetterLower) && text.Any(char.IsAsciiLetterUpper) && text.Any(char.IsAsciiDigit))
                return text;
        }
    }
}

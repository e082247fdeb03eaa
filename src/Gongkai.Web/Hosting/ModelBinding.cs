using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Gongkai.Web.Hosting;

/// <summary>An empty text field binds as "", so use cases see text, never null, for the fields they require.</summary>
internal sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string)) context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}

internal static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustBeANumberAccessor(_ => "请填写数字。");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetMissingBindRequiredValueAccessor(_ => "请填写此项。");
        messages.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetUnknownValueIsInvalidAccessor(_ => "填写的内容无效。");
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空。");
    }
}

using Gongkai.Core.Demo;

namespace Gongkai.Core.Catalogue.Demo;

/// <summary>The default 错敏词 list, loaded through the same import administrators use.</summary>
internal sealed class DemoWords(WordList words) : IDemoStep
{
    public int Order => 500;

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var result = await words.ImportAsync(WordList.DefaultListCsv(), dryRun: false, context.Actor, cancellationToken);
        if (!result.Succeeded) throw new InvalidOperationException("默认错敏词表无效：" + string.Join(" ", result.Errors));
        context.Summary.Add($"错敏词 {result.Added} 个");
    }
}

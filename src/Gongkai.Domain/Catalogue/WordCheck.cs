namespace Gongkai.Domain.Catalogue;

/// <summary>错敏词: a sensitive word, or a common wrong word with its correction.</summary>
public enum WordKind
{
    /// <summary>敏感词</summary>
    Sensitive,

    /// <summary>错别字、常见错误表述</summary>
    Wrong,
}

/// <summary>What a match does to publishing: blocks review, or only warns.</summary>
public enum WordAction
{
    Block,
    Warn,
}

public sealed record WordEntry(string Word, WordKind Kind, string? Correction, WordAction Action, string? Note = null);

public sealed record WordMatch(int Index, int Length, WordEntry Entry);

/// <summary>
/// Finds every entry of the maintained list in a text in one pass (Aho–Corasick), leftmost and
/// longest first, without overlaps, so a highlighted text reads cleanly.
/// </summary>
public sealed class WordChecker
{
    private readonly List<Node> _nodes = [new Node()];

    public WordChecker(IEnumerable<WordEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Word.Length > 0)
                Add(entry);
        }
        Link();
    }

    public static string KindLabel(WordKind kind) => kind switch
    {
        WordKind.Sensitive => "敏感词",
        WordKind.Wrong => "错误表述",
    };

    public static string ActionLabel(WordAction action) => action switch
    {
        WordAction.Block => "禁止发布",
        WordAction.Warn => "提示",
    };

    public IReadOnlyList<WordMatch> Find(string text)
    {
        var candidates = new List<WordMatch>();
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (state != 0 && !_nodes[state].Next.ContainsKey(c))
                state = _nodes[state].Fail;
            state = _nodes[state].Next.GetValueOrDefault(c);
            for (var s = state; s != 0; s = _nodes[s].Output)
            {
                if (_nodes[s].Entry is { } entry)
                    candidates.Add(new WordMatch(i - entry.Word.Length + 1, entry.Word.Length, entry));
            }
        }
        var result = new List<WordMatch>();
        var end = 0;
        foreach (var m in candidates.OrderBy(m => m.Index).ThenByDescending(m => m.Length))
        {
            if (m.Index < end)
                continue;
            result.Add(m);
            end = m.Index + m.Length;
        }
        return result;
    }

    private void Add(WordEntry entry)
    {
        var state = 0;
        foreach (var c in entry.Word)
        {
            if (!_nodes[state].Next.TryGetValue(c, out var next))
            {
                next = _nodes.Count;
                _nodes.Add(new Node());
                _nodes[state].Next[c] = next;
            }
            state = next;
        }
        _nodes[state].Entry ??= entry;
    }

    private void Link()
    {
        var queue = new Queue<int>();
        foreach (var child in _nodes[0].Next.Values)
            queue.Enqueue(child);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in _nodes[node].Next)
            {
                var fail = _nodes[node].Fail;
                while (fail != 0 && !_nodes[fail].Next.ContainsKey(c))
                    fail = _nodes[fail].Fail;
                var target = _nodes[fail].Next.GetValueOrDefault(c);
                _nodes[child].Fail = target == child ? 0 : target;
                // Output: the nearest suffix that ends an entry.
                _nodes[child].Output = _nodes[_nodes[child].Fail].Entry is not null ? _nodes[child].Fail : _nodes[_nodes[child].Fail].Output;
                queue.Enqueue(child);
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<char, int> Next { get; } = [];

        public int Fail { get; set; }

        public int Output { get; set; }

        public WordEntry? Entry { get; set; }
    }
}

using System.Globalization;

namespace GovAssistant.KnowledgeBase;

/// <summary>One changed scalar field: its name and the value before and after (text, dates as yyyy-MM-dd).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One piece of an answer diff: unchanged, added or removed text.</summary>
/// <param name="Op"><c>equal</c>, <c>insert</c> or <c>delete</c>.</param>
/// <param name="Text">The sentence(s) concerned.</param>
public sealed record TextPiece(string Op, string Text);

/// <summary>
/// What changed between two versions of an entry (or between an entry and a draft): the scalar fields that differ,
/// the similar questions added and removed, and the answer as a sentence-by-sentence diff.
/// </summary>
public sealed record EntryDiff(
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<string> SimilarAdded,
    IReadOnlyList<string> SimilarRemoved,
    IReadOnlyList<TextPiece> Answer)
{
    /// <summary>True when the two sides say the same thing.</summary>
    public bool IsEmpty => Fields.Count == 0 && SimilarAdded.Count == 0 && SimilarRemoved.Count == 0 && Answer.All(p => p.Op == "equal");

    /// <summary>Compares <paramref name="before"/> (null for a new entry) with <paramref name="after"/>.</summary>
    public static EntryDiff Between(FaqEntry? before, FaqEntry after)
    {
        var fields = new List<FieldChange>();
        void Compare(string field, string? a, string? b)
        {
            if (a != b) fields.Add(new FieldChange(field, a, b));
        }

        Compare(FaqFields.Id, before?.Id, after.Id);
        Compare(FaqFields.Question, before?.Question, after.Question);
        Compare(FaqFields.Category, before?.Category, after.Category);
        Compare(FaqFields.Department, before?.Department, after.Department);
        Compare(FaqFields.Region, before?.Region, after.Region);
        Compare(FaqFields.Tags, Join(before?.Tags), Join(after.Tags));
        Compare(FaqFields.Source, before?.Source, after.Source);
        Compare(FaqFields.Basis, before?.Basis, after.Basis);
        Compare(FaqFields.ValidFrom, Day(before?.ValidFrom), Day(after.ValidFrom));
        Compare(FaqFields.ValidTo, Day(before?.ValidTo), Day(after.ValidTo));
        Compare(FaqFields.Status, before is null ? null : Status(before.Status), Status(after.Status));
        var old = before?.SimilarQuestions ?? [];
        return new EntryDiff(
            fields,
            [.. after.SimilarQuestions.Except(old)],
            [.. old.Except(after.SimilarQuestions)],
            DiffText(before?.Answer ?? "", after.Answer));
    }

    /// <summary>
    /// A sentence-level diff (longest common subsequence over sentences ending in 。！？；, a line break or a list item):
    /// Chinese answers change a sentence at a time, and a character diff of a long answer would be unreadable.
    /// </summary>
    public static IReadOnlyList<TextPiece> DiffText(string before, string after)
    {
        var a = Sentences(before);
        var b = Sentences(after);
        // Common prefix and suffix first, so a small edit in a long answer costs little.
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start]) start++;
        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var pieces = new List<TextPiece>();
        if (start > 0) pieces.Add(new TextPiece("equal", string.Concat(a.Take(start))));
        var n = endA - start;
        var m = endB - start;
        if ((long)n * m > 4_000_000)
        {
            // Pathological size: report the middle as replaced rather than spend the memory.
            if (n > 0) pieces.Add(new TextPiece("delete", string.Concat(a.Skip(start).Take(n))));
            if (m > 0) pieces.Add(new TextPiece("insert", string.Concat(b.Skip(start).Take(m))));
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[start + x] == b[start + y]) { Add(pieces, "equal", a[start + x]); x++; y++; }
                else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) { Add(pieces, "insert", b[start + y]); y++; }
                else { Add(pieces, "delete", a[start + x]); x++; }
            }
        }
        if (endA < a.Count) Add(pieces, "equal", string.Concat(a.Skip(endA)));
        return pieces;
    }

    private static void Add(List<TextPiece> pieces, string op, string text)
    {
        if (pieces.Count > 0 && pieces[^1].Op == op) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        else pieces.Add(new TextPiece(op, text));
    }

    private static List<string> Sentences(string text)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' or '；' or '\n' or '!' or '?' or ';')
            {
                list.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) list.Add(text[start..]);
        return list;
    }

    private static string? Join(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join("、", items);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(FaqStatus status) => status.ToString().ToLowerInvariant();
}

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Someone refusing the citizen what is theirs (单位一直不发给我, 前夫不同意接收, 原法人不肯配合): a dispute, which an entry
/// explaining the usual procedure does not settle unless it speaks of a refusal or a dispute itself.
/// </summary>
public static class Refusals
{
    // The ways a message tells that someone refuses.
    private static readonly string[] Words =
        ["不给", "不发", "不肯", "不同意", "不配合", "拒绝", "拒不", "不让", "不认", "不承认", "不退", "不还", "不支付", "不赔", "不接收", "不批"];

    // The ways an entry's questions speak of a refusal or a dispute: what is refused (配合, 同意: 过户要原房主配合吗), or
    // where a dispute is taken.
    private static readonly string[] DisputeWords =
        [.. Words, "配合", "同意", "接收", "承认", "投诉", "举报", "仲裁", "维权", "起诉", "纠纷", "争议", "不服", "申诉", "复议", "欠",
            "克扣", "不交", "不缴", "不办", "不予", "拒", "告"];

    // What makes a refusal supposed, not told: 如果他不同意…, 万一单位不给….
    private static readonly string[] Suppositions = ["如果", "要是", "万一", "假如", "假设", "若是", "倘若"];

    private static readonly char[] ClauseEnds = [' ', '，', ',', '。', '？', '?', '！', '!', '；', ';'];

    /// <summary>
    /// True when <paramref name="message"/> (normalised) tells that someone refuses; not when it only supposes so
    /// ("他不同意的话我一个人能撤吗").
    /// </summary>
    public static bool AreToldIn(string message)
    {
        foreach (var w in Words)
            for (var at = message.IndexOf(w, StringComparison.Ordinal); at >= 0; at = message.IndexOf(w, at + 1, StringComparison.Ordinal))
                if (!IsSupposed(message, at, w.Length)) return true;
        return false;
    }

    /// <summary>True when <paramref name="text"/> (normalised) names a refusal, told or supposed (对方不配合的, 可…).</summary>
    public static bool AreNamedIn(string text) => WordLists.AnyIn(text, Words);

    /// <summary>True when <paramref name="entryQuestion"/> (normalised) speaks of a refusal or a dispute.</summary>
    public static bool AreSpokenOfIn(string entryQuestion) => WordLists.AnyIn(entryQuestion, DisputeWords);

    // A supposition before the refusal in its clause (如果他不同意), or 的话 just after it (他不同意的话).
    private static bool IsSupposed(string message, int at, int length)
    {
        var start = message.LastIndexOfAny(ClauseEnds, Math.Max(at - 1, 0)) + 1;
        var before = message.AsSpan(start, at - start);
        foreach (var s in Suppositions)
            if (before.Contains(s, StringComparison.Ordinal)) return true;
        var after = message.AsSpan(at + length);
        var end = after.IndexOfAny(ClauseEnds);
        if (end >= 0) after = after[..end];
        return after.StartsWith("的话", StringComparison.Ordinal) || (after.Length <= 6 && after.EndsWith("的话", StringComparison.Ordinal));
    }
}

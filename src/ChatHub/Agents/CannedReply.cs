namespace GovAssistant.ChatHub.Agents;

/// <summary>A ready-made reply agents insert with one click.</summary>
/// <param name="Id">Store id.</param>
/// <param name="Department">Owning department; empty for replies every department uses.</param>
/// <param name="Text">The reply.</param>
/// <param name="UpdatedBy">Staff account that last changed it.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record CannedReply(long Id, string Department, string Text, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>Longest reply accepted.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Longest department name accepted.</summary>
    public const int MaxDepartmentLength = 64;

    /// <summary>Checks a reply's fields; a Chinese message naming the problem, or null when they are fine.</summary>
    public static string? Check(string? department, string? text)
    {
        if (GovAssistant.KnowledgeBase.TextRules.Problem(text, "常用语内容不能为空。") is { } problem) return problem;
        if (text!.Trim().Length > MaxTextLength) return $"常用语最多 {MaxTextLength} 个字。";
        if (department is { Length: > MaxDepartmentLength }) return $"部门名称最多 {MaxDepartmentLength} 个字符。";
        // Empty means "every department"; control or format characters alone (NUL, zero-width space) name none.
        if (department is { Length: > 0 } && GovAssistant.KnowledgeBase.TextRules.IsBlank(department)) return "部门名称不能只含空白或不可见字符；通用常用语请留空部门。";
        return department == "*" ? "部门不能为“*”；通用常用语请留空部门。" : null;
    }
}

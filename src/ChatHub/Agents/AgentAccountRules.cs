using System.Text.RegularExpressions;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// What a valid account looks like. Each check returns null when the value is fine, or the Chinese message an
/// admin can act on; the REST API reports them per field and the store refuses anything that fails them.
/// </summary>
public static partial class AgentAccountRules
{
    /// <summary>Concurrent conversations an agent takes when none is given.</summary>
    public const int DefaultCapacity = 5;

    /// <summary>Smallest and largest capacity.</summary>
    public const int MinCapacity = 1, MaxCapacity = 50;

    /// <summary>Password length bounds.</summary>
    public const int MinPasswordLength = 8, MaxPasswordLength = 128;

    /// <summary>Longest display or department name.</summary>
    public const int MaxNameLength = 50;

    /// <summary>Every role an account may hold.</summary>
    public static IReadOnlyList<string> KnownRoles { get; } = [AgentRoles.Agent, AgentRoles.Supervisor, AgentRoles.Admin, AgentRoles.Editor, AgentRoles.Reviewer];

    // Lower-cased; the first guesses of any attacker and of people told "at least 8 characters".
    private static readonly HashSet<string> WeakPasswords = new(StringComparer.Ordinal)
    {
        "12345678", "123456789", "1234567890", "87654321", "11223344", "12341234", "password", "password1", "password123",
        "passw0rd", "p@ssw0rd", "p@ssword", "qwertyui", "qwerty123", "qwer1234", "1q2w3e4r", "1qaz2wsx", "asdf1234",
        "abcd1234", "abc12345", "a1234567", "aa123456", "admin123", "admin1234", "administrator", "iloveyou", "woaini1314",
        "changeme", "letmein1", "welcome1", "govassistant",
    };

    [GeneratedRegex("^[a-z0-9_.-]{2,32}$")]
    private static partial Regex IdPattern();

    /// <summary>Checks a login name.</summary>
    public static string? CheckId(string? id) =>
        id is not null && IdPattern().IsMatch(id) ? null : "账号须为 2–32 位小写字母、数字、下划线、点或短横线（如 zhang.min）。";

    /// <summary>Checks a display name.</summary>
    public static string? CheckName(string? name) =>
        GovAssistant.KnowledgeBase.TextRules.IsBlank(name) ? "姓名不能为空。"
        : name.Trim().Length > MaxNameLength ? $"姓名最多 {MaxNameLength} 个字符。"
        : null;

    /// <summary>Checks a new password; <paramref name="id"/> (when known) may not be the password.</summary>
    public static string? CheckPassword(string? password, string? id = null)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength) return $"密码至少 {MinPasswordLength} 位。";
        if (password.Length > MaxPasswordLength) return $"密码最多 {MaxPasswordLength} 位。";
        var lower = password.ToLowerInvariant();
        if (WeakPasswords.Contains(lower) || lower.Distinct().Count() <= 2 || IsRun(lower) || ContainsId(lower, id))
            return "密码过于简单（常见密码、重复或连续字符、包含账号），请换一个不易猜到的密码。";
        return null;
    }

    /// <summary>Checks a department list: at least one, none blank; "*" means all departments.</summary>
    public static string? CheckDepartments(IReadOnlyList<string>? departments)
    {
        if (departments is null || departments.Count == 0) return "至少需要一个部门（“*” 表示全部部门）。";
        if (departments.Count > 50) return "部门最多 50 个。";
        // Control or format characters alone (NUL, zero-width space) name nothing anyone can see or choose.
        if (departments.Any(d => GovAssistant.KnowledgeBase.TextRules.IsBlank(d))) return "部门名称不能为空。";
        return departments.Any(d => d.Trim().Length > MaxNameLength) ? $"部门名称最多 {MaxNameLength} 个字符。" : null;
    }

    /// <summary>Checks a role list: at least one, each of agent / supervisor / admin / editor / reviewer.</summary>
    public static string? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0) return "至少需要一个角色（agent、supervisor、admin、editor 或 reviewer）。";
        var unknown = roles.FirstOrDefault(r => !KnownRoles.Contains(r));
        return unknown is null ? null : $"未知角色“{unknown}”，可选：agent（坐席）、supervisor（班长）、admin（管理员）、editor（编辑）、reviewer（审核）。";
    }

    /// <summary>Checks a capacity.</summary>
    public static string? CheckCapacity(int capacity) =>
        capacity is >= MinCapacity and <= MaxCapacity ? null : $"同时接待数须在 {MinCapacity}–{MaxCapacity} 之间。";

    /// <summary>Trims the names and drops duplicates, keeping the order given.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> names) => names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();

    // A short id ("li") would forbid too many good passwords; from 4 characters on, "zhang2024" is a guess away.
    private static bool ContainsId(string password, string? id) =>
        !string.IsNullOrEmpty(id) && (password == id || (id.Length >= 4 && password.Contains(id, StringComparison.Ordinal)));

    // "abcdefgh", "98765432": every character one step from the previous one.
    private static bool IsRun(string s)
    {
        var step = s[1] - s[0];
        if (step is not (1 or -1)) return false;
        for (var i = 2; i < s.Length; i++)
            if (s[i] - s[i - 1] != step) return false;
        return true;
    }
}

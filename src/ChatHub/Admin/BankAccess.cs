using GovAssistant.ChatHub.Agents;
using Microsoft.AspNetCore.Authorization;

namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// Who may do what with the bank. Any signed-in staff member may propose a draft; editors, reviewers and admins
/// browse and edit; only a reviewer serving the owning department (or "*"), or an admin, publishes or rejects.
/// </summary>
public static class BankAccess
{
    /// <summary>Who reads the audit log: admins, reviewers and supervisors.</summary>
    public static AuthorizationPolicy Auditors { get; } = new AuthorizationPolicyBuilder(AgentAuth.Scheme).RequireAuthenticatedUser()
        .RequireRole(AgentRoles.Admin, AgentRoles.Reviewer, AgentRoles.Supervisor).Build();

    /// <summary>True for admins and reviewers (of any department).</summary>
    public static bool IsReviewer(AgentProfile profile) =>
        profile.Roles.Contains(AgentRoles.Admin) || profile.Roles.Contains(AgentRoles.Reviewer);

    /// <summary>True when <paramref name="profile"/> may publish changes owned by every one of <paramref name="departments"/>.</summary>
    public static bool CanReview(AgentProfile profile, IEnumerable<string?> departments) => RefusalFor(profile, departments) is null;

    /// <summary>Why <paramref name="profile"/> may not publish or reject a change owned by <paramref name="departments"/> (Chinese), or null.</summary>
    public static string? RefusalFor(AgentProfile profile, IEnumerable<string?> departments)
    {
        if (profile.Roles.Contains(AgentRoles.Admin)) return null;
        if (!profile.Roles.Contains(AgentRoles.Reviewer))
            return "只有审核人可以发布或驳回草稿：编辑提交的修改需由所属部门的审核人审核发布。";
        foreach (var department in departments.Distinct())
        {
            if (profile.Serves(department)) continue;
            return department is null
                ? "该条目未指定所属部门，只有负责全部部门的审核人或管理员可以审核。"
                : $"您不是“{department}”的审核人，不能审核该部门的问答。";
        }
        return null;
    }

    /// <summary>True when <paramref name="profile"/> sees entries of <paramref name="department"/> in review lists.</summary>
    public static bool Covers(AgentProfile profile, string? department) =>
        profile.Roles.Contains(AgentRoles.Admin) || profile.Serves(department);

    /// <summary>
    /// Why <paramref name="profile"/> may not publish <paramref name="draft"/> under four-eyes review (they wrote or last
    /// edited it), or null. Rejecting one's own draft stays allowed: it withdraws the proposal.
    /// </summary>
    public static string? SelfReviewRefusal(AgentProfile profile, KnowledgeBase.EntryDraft draft, bool requireSecondReviewer) =>
        requireSecondReviewer && (draft.CreatedBy == profile.Id || draft.UpdatedBy == profile.Id)
            ? "该草稿由您本人提交或修改，按照“四眼”审核要求不能由您发布，请另一位审核人审核发布。"
            : null;
}

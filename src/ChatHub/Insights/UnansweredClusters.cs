using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// Questions the bot could not answer well — no answer, or an answer or clarification below
/// <see cref="InsightsOptions.LowConfidence"/> — not yet handled by an editor, grouped into same-intent clusters
/// ranked by how often they were asked.
/// </summary>
public sealed class UnansweredClusters(QuestionClusterer clusterer, IOptions<InsightsOptions> options)
{
    /// <summary>True when <paramref name="q"/> belongs in the unanswered clusters.</summary>
    public bool IsUnanswered(LoggedQuestion q) =>
        !q.Handled && (q.Decision == "noAnswer" || (q.Decision is "answered" or "clarify" && q.Confidence < options.Value.LowConfidence));

    /// <summary>Clusters of the unanswered questions among <paramref name="questions"/>, largest first.</summary>
    public IReadOnlyList<QuestionCluster> Of(IEnumerable<LoggedQuestion> questions) =>
        clusterer.Cluster(questions.Where(IsUnanswered).Select(q => new ClusterInput(q.Id, q.Question)));
}

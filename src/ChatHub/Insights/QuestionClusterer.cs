using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.ChatHub.Insights;

/// <summary>A question to cluster: its log id and (masked) text.</summary>
public sealed record ClusterInput(long Id, string Text);

/// <summary>Questions of one intent, with the phrasing seen most often as its label.</summary>
/// <param name="Key">Stable key: the id of its first question.</param>
/// <param name="Label">Most frequent phrasing (earliest on a tie).</param>
/// <param name="Members">The questions, in the order they came.</param>
/// <param name="Phrasings">Distinct phrasings with how often each was asked, most frequent first.</param>
public sealed record QuestionCluster(string Key, string Label, IReadOnlyList<ClusterInput> Members, IReadOnlyList<Phrasing> Phrasings)
{
    /// <summary>How many questions it holds.</summary>
    public int Count => Members.Count;
}

/// <summary>One wording of a clustered question and how often it was asked.</summary>
public sealed record Phrasing(string Text, int Count);

/// <summary>
/// Groups questions of the same intent with the engine's own analysis (<see cref="TextAnalysis"/>: normalisation,
/// jieba words with synonyms and stop words, character bigrams and single characters). The scaffolding every question shares (怎么, 哪里,
/// 需要什么 …) is set aside, and each remaining term weighs by how rare it is in the batch (inverse document
/// frequency), so 狗证 counts and 办理 hardly does. Two questions are alike by the weighted Dice coefficient of their
/// terms; a question joins the cluster it is most alike on average when that reaches the threshold, else it starts
/// a new one. Questions are taken in the given order, so the result is deterministic.
/// </summary>
public sealed class QuestionClusterer(TextAnalysis analysis, double threshold)
{
    // Characters of question scaffolding: a word or bigram made only of these says nothing about the intent.
    private const string Scaffolding = "怎么样如何哪里儿在什需要吗呢吧啊多少若干办理能可以的了给去我你您是有请问想咨询下一个这那些还得应该流程手续";

    /// <summary>Clusters <paramref name="questions"/>, largest cluster first (then by label).</summary>
    public IReadOnlyList<QuestionCluster> Cluster(IEnumerable<ClusterInput> questions)
    {
        // The same wording asked again is the same intent: each distinct text is analysed and placed once, carrying
        // all its questions, and weighs by how often it was asked. Logs repeat a lot, so this is most of the work saved.
        var distinct = new List<Wording>();
        var byText = new Dictionary<string, Wording>(StringComparer.Ordinal);
        var order = 0;
        foreach (var q in questions)
        {
            var text = q.Text.Trim();
            if (!byText.TryGetValue(text, out var wording))
            {
                wording = new Wording(Terms(text));
                if (wording.Terms.Count == 0) continue;
                byText[text] = wording;
                distinct.Add(wording);
            }
            wording.Members.Add((order++, q));
        }
        var total = distinct.Sum(d => d.Members.Count);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in distinct)
            foreach (var t in d.Terms) frequency[t] = frequency.GetValueOrDefault(t) + d.Members.Count;
        var weight = frequency.ToDictionary(f => f.Key, f => Math.Log(1.0 + (double)total / f.Value), StringComparer.Ordinal);

        var clusters = new List<List<Wording>>();
        foreach (var d in distinct)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < clusters.Count; i++)
            {
                // Average similarity to every question of the cluster.
                var score = clusters[i].Sum(m => m.Members.Count * Similarity(d.Terms, m.Terms, weight)) / clusters[i].Sum(m => m.Members.Count);
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }
            if (best >= 0 && bestScore >= threshold) clusters[best].Add(d);
            else clusters.Add([d]);
        }
        return clusters
            .Select(c => Describe([.. c.SelectMany(w => w.Members).OrderBy(m => m.Order).Select(m => m.Question)]))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The intent-bearing words, character bigrams and characters the engine makes of <paramref name="text"/>.</summary>
    public HashSet<string> Terms(string text)
    {
        var analyzed = analysis.Analyze(text);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in analyzed.Words) if (!IsScaffolding(w)) terms.Add(w);
        foreach (var b in analyzed.Bigrams) if (!IsScaffolding(b)) terms.Add("\u0001" + b);
        foreach (var c in analyzed.Chars) if (!IsScaffolding(c)) terms.Add("\u0002" + c);
        return terms;
    }

    private static bool IsScaffolding(string term) => term.All(c => Scaffolding.Contains(c) || char.IsAsciiDigit(c));

    private static double Similarity(HashSet<string> a, HashSet<string> b, Dictionary<string, double> weight)
    {
        double shared = 0, total = 0;
        foreach (var t in a)
        {
            total += weight[t];
            if (b.Contains(t)) shared += weight[t];
        }
        foreach (var t in b) total += weight[t];
        return total == 0 ? 0 : 2 * shared / total;
    }
    private sealed record Wording(HashSet<string> Terms)
    {
        public List<(int Order, ClusterInput Question)> Members { get; } = [];
    }

    private static QuestionCluster Describe(List<ClusterInput> members)
    {
        var phrasings = members
            .GroupBy(m => m.Text.Trim(), StringComparer.Ordinal)
            .Select(g => (Phrasing: new Phrasing(g.Key, g.Count()), First: g.Min(m => m.Id)))
            .OrderByDescending(p => p.Phrasing.Count)
            .ThenBy(p => p.First)
            .Select(p => p.Phrasing)
            .ToList();
        return new QuestionCluster(members[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), phrasings[0].Text, members, phrasings);
    }
}

using System.Text.Json;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Indexing;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.Tuning;

/// <summary>One recalled entry of a question: the match features of each of its phrasings.</summary>
/// <param name="Id">The entry.</param>
/// <param name="Features">Per phrasing, <see cref="MatchFeatures.Count"/> values.</param>
/// <param name="Bonus">Per phrasing, the exact-phrasing bonus the re-ranker adds.</param>
internal sealed record Candidate(string Id, double[][] Features, double[] Bonus);

/// <summary>One question as the engine's first reading matches it, with what recall found for it.</summary>
/// <param name="Source">The set it comes from (for figures by source).</param>
/// <param name="Expected">The entry that answers it, or null.</param>
/// <param name="Candidates">The recalled entries, in recall order.</param>
internal sealed record TuningQuestion(string Source, string? Expected, Candidate[] Candidates)
{
    /// <summary>Index of the expected entry among the candidates, or -1 (not recalled, or unanswerable).</summary>
    public int ExpectedAt { get; } = Expected is null ? -1 : Array.FindIndex(Candidates, c => c.Id == Expected);
}

/// <summary>
/// Reads a bank and its queries the way <see cref="AnswerEngine.Ask"/> reads a message (the question reader's core,
/// recall with the engine's boosts and limits) and keeps the re-ranker's features of every recalled phrasing, so that
/// weights can be fitted and scored without re-reading the text.
/// </summary>
internal static class TuningSet
{
    public static List<TuningQuestion> Read(string source, string bankPath, string queriesPath, TextAnalysis analysis)
    {
        var report = Directory.Exists(bankPath) ? SeedBankLoader.Load(bankPath) : new BankImporter().ReadFile(bankPath);
        var options = new QaEngineOptions();
        using var index = new FaqIndex(analysis, null);
        index.Publish(new BankSnapshot(report.Entries, 1, DateTimeOffset.UtcNow));
        var bank = index.Bank;
        var reader = QuestionReader.Default;
        var result = new List<TuningQuestion>();
        foreach (var line in File.ReadLines(queriesPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("query").GetString() ?? "";
            var expected = doc.RootElement.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var read = reader.Read(text);
            var analyzed = analysis.AnalyzeNormalized(read.Core.Length > 0 ? read.Core : analysis.Normalizer.Normalize(text));
            if (analyzed.IsEmpty) { result.Add(new TuningQuestion(source, expected, [])); continue; }
            var hits = index.Recall(analyzed, AnswerEngine.RecallWeights, options.RecallDocuments, options.RerankEntries);
            var profile = new QueryProfile(analyzed, bank);
            var maxRecall = hits.Count == 0 ? 0 : hits.Max(h => h.Score);
            var candidates = new List<Candidate>(hits.Count);
            foreach (var hit in hits)
            {
                if (bank.Find(hit.Id) is not { } entry) continue;
                var evidence = MatchFeatures.EntryEvidence.Of(profile, entry, maxRecall > 0 ? hit.Score / maxRecall : 0);
                var features = new double[entry.Phrasings.Length][];
                var bonus = new double[entry.Phrasings.Length];
                for (var i = 0; i < entry.Phrasings.Length; i++)
                {
                    features[i] = new double[MatchFeatures.Count];
                    MatchFeatures.Compute(profile, entry.Phrasings[i], entry.Weights[i], evidence, features[i]);
                    bonus[i] = entry.Phrasings[i].Compact == profile.Compact ? Reranker.ExactPhrasingBonus : 0;
                }
                candidates.Add(new Candidate(hit.Id, features, bonus));
            }
            result.Add(new TuningQuestion(source, expected, [.. candidates]));
        }
        return result;
    }
}

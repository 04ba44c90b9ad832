using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Ranking;

/// <summary>
/// An entry after re-ranking: its score, which phrasing (0 = standard question) matched best, and the features of that
/// phrasing the confidence reads (<see cref="RankingWeights.ConfidenceFeatures"/>, in that order).
/// </summary>
public sealed record ScoredCandidate(IndexedEntry Entry, double Score, int BestPhrasing, double[] ConfidenceFeatures);

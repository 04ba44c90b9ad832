using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Ranking;

/// <summary>An entry after re-ranking: its score and which phrasing (0 = standard question) matched best.</summary>
public sealed record ScoredCandidate(IndexedEntry Entry, double Score, int BestPhrasing);

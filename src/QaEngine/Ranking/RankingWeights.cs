namespace GovAssistant.QaEngine.Ranking;

/// <summary>
/// Weights of the re-ranking score (one per <see cref="MatchFeatures.Names"/> entry) and of the confidence
/// logistic. The defaults were fitted on the development sets (README, "How the engine was tuned"); they are
/// part of the model, unlike the decision thresholds in <see cref="QaEngineOptions"/>.
/// </summary>
public sealed record RankingWeights
{
    /// <summary>One weight per feature.</summary>
    public required double[] Features { get; init; }

    /// <summary>Confidence logistic: weight of the top score.</summary>
    public double ConfidenceScore { get; init; }

    /// <summary>Confidence logistic: weight of the margin between the top two entries.</summary>
    public double ConfidenceMargin { get; init; }

    /// <summary>Confidence logistic: intercept.</summary>
    public double ConfidenceBias { get; init; }

    /// <summary>Shipped defaults.</summary>
    public static RankingWeights Default { get; } = new()
    {
        Features =
        [
            0.167, -0.045, 0.343, 0.387, 0.313, 0.037, 0.023, -0.069, 0.769, -0.016, 0.162,
            0.028, -0.072, 0.227, 0.050, -0.487, 0.182, 0.546, -0.108, -0.015, -0.012, 0.057, 0, 0,
        ],
        ConfidenceScore = 12,
        ConfidenceMargin = 8,
        ConfidenceBias = -8,
    };
}

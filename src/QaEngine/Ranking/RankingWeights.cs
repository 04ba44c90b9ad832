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

    /// <summary>
    /// Confidence logistic over [1, top score, capped margin, then the top phrasing's features named by
    /// <see cref="ConfidenceFeatures"/>].
    /// </summary>
    public required double[] Confidence { get; init; }

    /// <summary>Indexes into <see cref="MatchFeatures.Names"/> of the features the confidence also reads.</summary>
    public required int[] ConfidenceFeatures { get; init; }

    /// <summary>
    /// The margin over the runner-up is capped: when recall finds a single candidate there is no runner-up,
    /// and an uncapped margin would make any lone weak match look certain.
    /// </summary>
    public double MarginCap { get; init; } = 0.3;

    /// <summary>Shipped defaults.</summary>
    public static RankingWeights Default { get; } = new()
    {
        Features =
        [
            -0.071, -0.097, 0.373, 0.431, -0.421, 0.114, -0.033, -0.156, 0.765, 0.140, 0.166, 0.025,
            -0.052, 0.217, 0.070, -0.454, 0.036, 0.470, -0.015, -0.014, 0.022, 0.025, 0.820, 0.690,
        ],
        Confidence = [-9.107, 4.522, 10.000, -1.747, -0.504, 0.320, 1.055],
        ConfidenceFeatures = [4, 8, 11, 12],
    };
}

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
            -0.154, -0.158, 0.324, 0.382, -0.505, 0.058, -0.121, -0.189, 0.791, 0.090, 0.136, 0.069,
            0.036, 0.250, 0.121, -0.446, 0.010, 0.473, 0.043, -0.012, -0.003, -0.036, 0.820, 0.679,
        ],
        Confidence = [-6.978, 2.963, 11.448, -0.738, 2.174, 0.431, -0.305],
        ConfidenceFeatures = [4, 8, 11, 12],
    };
}

using GovAssistant.QaEngine.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// Runs the production analyzers over a text. The index and the query side both go through here, so
/// normalisation, segmentation, synonyms and stop words are applied identically on both sides.
/// </summary>
public sealed class TextAnalysis
{
    /// <summary>Longest text analysed; longer input is cut (the ask API rejects it before it gets here).</summary>
    public const int MaxChars = 4000;

    /// <summary>Creates the analysis over the shared lexicon and normaliser.</summary>
    public TextAnalysis(GovLexicon lexicon, TextNormalizer normalizer)
    {
        Normalizer = normalizer;
        Lexicon = lexicon;
        WordAnalyzer = new GovTextAnalyzer(lexicon, normalizer);
        BigramAnalyzer = new CharBigramAnalyzer(lexicon, normalizer);
    }

    /// <summary>The analysis over <see cref="GovLexicon.Default"/> and <see cref="TextNormalizer.Default"/>.</summary>
    public static TextAnalysis CreateDefault() => new(GovLexicon.Default, TextNormalizer.Default);

    /// <summary>The normaliser applied before both analyzers.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>The lexicon (segmenter, synonyms, stop words).</summary>
    public GovLexicon Lexicon { get; }

    /// <summary>jieba word analyzer (with synonyms and stop words).</summary>
    public Analyzer WordAnalyzer { get; }

    /// <summary>Character bigram analyzer.</summary>
    public Analyzer BigramAnalyzer { get; }

    /// <summary>Analyses <paramref name="text"/> into its normalised form and distinct tokens.</summary>
    public AnalyzedText Analyze(string text) =>
        AnalyzeNormalized(Normalizer.Normalize(text.Length > MaxChars ? text[..MaxChars] : text));

    /// <summary>Analyses text that has already been through <see cref="Normalizer"/> (normalising is idempotent).</summary>
    public AnalyzedText AnalyzeNormalized(string normalized)
    {
        var cut = Lexicon.Cut(normalized);
        var canonical = Lexicon.Canonicalize(cut);
        // The word analyzer normalises its text once more before segmenting it; so do the words here, to be its tokens.
        var again = Normalizer.Normalize(normalized);
        var chars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in canonical) if (c != ' ') chars.Add(c.ToString());
        return new AnalyzedText(
            normalized,
            canonical,
            Lexicon.SearchWords(again == normalized ? cut : Lexicon.Cut(again)),
            // Exactly what BigramAnalyzer yields for this text, without normalising and canonicalising it a second time.
            CharBigramTokenizer.DistinctTokens(canonical),
            [.. chars]);
    }

    /// <summary>The distinct terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in first-seen order.</summary>
    public static string[] Tokens(Analyzer analyzer, string text) => Tokens(analyzer.GetTokenStream("f", text));

    /// <summary>Reads <paramref name="stream"/> to its end and disposes it.</summary>
    private static string[] Tokens(TokenStream stream)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        using var owned = stream;
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.ToString();
            if (seen.Add(t)) list.Add(t);
        }
        stream.End();
        return [.. list];
    }
}

using System.Collections.Frozen;
using JiebaNet.Segmenter;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// The language knowledge of the engine, loaded once: jieba.NET with its dictionary plus our government-service
/// user dictionary (<c>gov-userdict.txt</c>), the synonym groups (<c>synonyms.txt</c>, first word of a line is
/// canonical) and the stop words (<c>stopwords.txt</c>). All three files are compiled into the assembly;
/// jieba's own files are copied beside it under <c>Resources/jieba</c> by the build.
/// </summary>
/// <remarks>
/// jieba.NET keeps its dictionary in a process-wide singleton, so the user dictionary is added exactly once,
/// here, before any segmentation happens. After that everything is read-only and thread-safe.
/// </remarks>
public sealed class GovLexicon
{
    // In synonyms.txt, the broad thesaurus groups (同义词词林) follow this marker line; the curated groups precede it.
    private const string ThesaurusMarker = "# --- 同义词词林";

    private static readonly Lazy<GovLexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private GovLexicon(JiebaSegmenter segmenter, FrozenDictionary<string, string> canonical, FrozenDictionary<string, string> curated, FrozenSet<string> stopWords)
    {
        CuratedCanonical = curated;
        Segmenter = segmenter;
        Canonical = canonical;
        StopWords = stopWords;
    }

    /// <summary>The lexicon shared by every analyzer in the process.</summary>
    public static GovLexicon Default => Shared.Value;

    /// <summary>jieba segmenter with the government user dictionary loaded.</summary>
    public JiebaSegmenter Segmenter { get; }

    /// <summary>Word → canonical synonym (only words that differ from their canonical form).</summary>
    public FrozenDictionary<string, string> Canonical { get; }

    /// <summary>
    /// The hand-written part of <see cref="Canonical"/> (government and everyday terms), without the broad thesaurus
    /// groups: used for the character views, where a loose synonym would blur more than it joins.
    /// </summary>
    public FrozenDictionary<string, string> CuratedCanonical { get; }

    /// <summary>Words dropped from the word field: particles and politeness that carry no intent.</summary>
    public FrozenSet<string> StopWords { get; }

    /// <summary>
    /// Rewrites normalised text with every word replaced by its canonical synonym (jieba precise mode, so words do
    /// not overlap): "居住证怎么申领" → "居住证怎么办理". The character views of a text are taken from this form, so
    /// that synonyms meet at the character level too.
    /// </summary>
    public string Canonicalize(string normalized)
    {
        if (normalized.Length == 0) return normalized;
        var sb = new System.Text.StringBuilder(normalized.Length + 8);
        foreach (var word in Segmenter.Cut(normalized, cutAll: false, hmm: true))
            sb.Append(CuratedCanonical.TryGetValue(word, out var canonical) ? canonical : word);
        return sb.ToString();
    }

    private static GovLexicon Load()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        var segmenter = new JiebaSegmenter();
        foreach (var line in EmbeddedResources.ReadDataLines("gov-userdict.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var freq = parts.Length > 1 && int.TryParse(parts[1], out var f) ? f : 3000;
            segmenter.AddWord(parts[0], freq, parts.Length > 2 ? parts[2] : "n");
        }

        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, string>? curated = null;
        foreach (var line in EmbeddedResources.ReadLines("synonyms.txt"))
        {
            if (line.StartsWith(ThesaurusMarker, StringComparison.Ordinal)) curated = new(canonical, StringComparer.Ordinal);
            if (line.Length == 0 || line[0] == '#') continue;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var w in words.Skip(1)) canonical.TryAdd(w, words[0]);
        }
        curated ??= canonical;

        var stopWords = EmbeddedResources.ReadDataLines("stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        return new GovLexicon(segmenter, canonical.ToFrozenDictionary(StringComparer.Ordinal), curated.ToFrozenDictionary(StringComparer.Ordinal), stopWords);
    }
}

using BenchmarkDotNet.Attributes;
using GovAssistant.QaEngine.Analysis;
using JiebaNet.Segmenter;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>
/// Per-question cost of the analysis steps, over 50 real questions (25 from lcqmc-dev, 25 from the dev queries).
/// Each figure is per question: one invocation analyses all 50 and BenchmarkDotNet divides.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 10)]
public class SegmentationBenchmarks
{
    private const int Questions = 50;

    private string[] _questions = [];
    private string[] _normalized = [];
    private TextAnalysis _analysis = null!;
    private JiebaSegmenter _segmenter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _questions = BenchData.SampleQuestions(Questions);
        _analysis = TextAnalysis.CreateDefault();
        _segmenter = _analysis.Lexicon.Segmenter;
        _normalized = [.. _questions.Select(_analysis.Normalizer.Normalize)];
    }

    /// <summary>Character normalisation (traditional → simplified, full-width, numerals, punctuation).</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int Normalize()
    {
        var n = 0;
        foreach (var q in _questions) n += _analysis.Normalizer.Normalize(q).Length;
        return n;
    }

    /// <summary>jieba precise mode, as used to canonicalise synonyms.</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int JiebaCut()
    {
        var n = 0;
        foreach (var q in _normalized) n += _segmenter.Cut(q, cutAll: false, hmm: true).Count();
        return n;
    }

    /// <summary>jieba search mode with offsets, what the word tokenizer consumes.</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int JiebaTokenizeSearch()
    {
        var n = 0;
        foreach (var q in _normalized) n += _segmenter.Tokenize(q, TokenizerMode.Search, hmm: true).Count();
        return n;
    }

    /// <summary>The Lucene word analyzer (jieba search mode, synonyms, stop words) over normalised text.</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int WordAnalyzer()
    {
        var n = 0;
        foreach (var q in _normalized) n += TextAnalysis.Tokens(_analysis.WordAnalyzer, q).Length;
        return n;
    }

    /// <summary>Synonym canonicalisation (jieba precise mode + curated synonym lookup), done once per analysis and again inside the bigram analyzer.</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int Canonicalize()
    {
        var n = 0;
        foreach (var q in _normalized) n += _analysis.Lexicon.Canonicalize(q).Length;
        return n;
    }

    /// <summary>The Lucene character-bigram analyzer (normalise, canonicalise, bigrams).</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int BigramAnalyzer()
    {
        var n = 0;
        foreach (var q in _normalized) n += TextAnalysis.Tokens(_analysis.BigramAnalyzer, q).Length;
        return n;
    }

    /// <summary>The whole query-side analysis: normalise, canonicalise, words, bigrams, characters.</summary>
    [Benchmark(OperationsPerInvoke = Questions, Baseline = true)]
    public int Analyze()
    {
        var n = 0;
        foreach (var q in _questions) n += _analysis.Analyze(q).Words.Length;
        return n;
    }
}

using GovAssistant.QaEngine.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// The word analyzer: <see cref="TextNormalizer"/> → jieba search-mode segmentation → canonical synonyms →
/// stop words. Used for the indexed questions, the answers and every query.
/// </summary>
public sealed class GovTextAnalyzer(GovLexicon lexicon, TextNormalizer normalizer) : Analyzer
{
    private readonly CharArraySet _stopWords = new(LuceneVersion.LUCENE_48, lexicon.StopWords.ToList(), ignoreCase: false);

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JiebaTokenizer(reader, lexicon.Segmenter);
        TokenStream stream = new SynonymCanonicalFilter(tokenizer, lexicon.Canonical);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, _stopWords);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <inheritdoc />
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(normalizer.Normalize(reader.ReadToEnd()));
}

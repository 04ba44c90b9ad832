using GovAssistant.QaEngine.Text;
using Lucene.Net.Analysis;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// The character analyzer: <see cref="TextNormalizer"/> → canonical synonyms (<see cref="GovLexicon.Canonicalize(string)"/>)
/// → <see cref="CharBigramTokenizer"/>.
/// </summary>
public sealed class CharBigramAnalyzer(GovLexicon lexicon, TextNormalizer normalizer) : Analyzer
{
    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new CharBigramTokenizer(reader));

    /// <inheritdoc />
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new StringReader(lexicon.Canonicalize(normalizer.Normalize(reader.ReadToEnd())));
}

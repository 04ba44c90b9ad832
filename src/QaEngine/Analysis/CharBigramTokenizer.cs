using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// Emits overlapping character bigrams of each run of Chinese characters (a one-character run is emitted
/// as itself) and each run of letters/digits as one token. It needs no dictionary, so it still matches
/// words jieba does not know and questions with a wrong character.
/// </summary>
public sealed class CharBigramTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string _text = string.Empty;
    private int _pos;

    /// <summary>Creates a tokenizer reading already normalised text from <paramref name="input"/>.</summary>
    public CharBigramTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        return Next(_text, ref _pos, out var start, out var length) && Emit(start, length);
    }

    /// <summary>
    /// The next token of <paramref name="text"/> at or after <paramref name="pos"/> (advanced past it): what the
    /// tokenizer emits, for callers that want the tokens of a string without a token stream.
    /// </summary>
    public static bool Next(string text, ref int pos, out int start, out int length)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (IsHan(c))
            {
                var bigram = pos + 1 < text.Length && IsHan(text[pos + 1]);
                var alone = !bigram && (pos == 0 || !IsHan(text[pos - 1]));
                start = pos++;
                if (bigram) { length = 2; return true; }
                if (alone) { length = 1; return true; }
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                start = pos;
                while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '.') && !IsHan(text[pos])) pos++;
                length = pos - start;
                return true;
            }
            pos++;
        }
        (start, length) = (pos, 0);
        return false;
    }

    /// <summary>The distinct tokens of <paramref name="text"/>, in first-seen order.</summary>
    public static string[] DistinctTokens(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>(text.Length);
        var pos = 0;
        while (Next(text, ref pos, out var start, out var length))
        {
            var token = text.Substring(start, length);
            if (seen.Add(token)) list.Add(token);
        }
        return [.. list];
    }

    private bool Emit(int start, int length)
    {
        _term.CopyBuffer(_text.ToCharArray(start, length), 0, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        return true;
    }

    /// <summary>True for CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _pos = 0;
    }
}

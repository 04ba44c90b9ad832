using System.Text;

namespace GovAssistant.QaEngine.Text;

/// <summary>
/// Puts text into the one canonical form used at index time and at query time alike: Traditional and variant
/// characters become Simplified, full-width becomes half-width, Latin letters are lower-cased, punctuation,
/// symbols and emoji become spaces, runs of spaces collapse, and Chinese numerals become Arabic digits
/// (<see cref="ChineseNumerals"/>), so that "二〇二四年", "２０２４年" and "2024年" compare equal.
/// </summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class TextNormalizer
{
    private readonly FrozenCharMap _toSimplified;

    private TextNormalizer(FrozenCharMap toSimplified) => _toSimplified = toSimplified;

    /// <summary>The normaliser built from the character map shipped with the engine.</summary>
    public static TextNormalizer Default { get; } = new(FrozenCharMap.Load(EmbeddedResources.ReadLines("t2s-chars.txt")));

    /// <summary>Returns the canonical form of <paramref name="text"/> (possibly empty, never null).</summary>
    public string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral plane: emoji and rare ideographs. Keep letters (CJK extension B…), drop the rest.
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                if (Rune.IsLetter(new Rune(cp))) { Flush(sb, ref pendingSpace); sb.Append(char.ConvertFromUtf32(cp)); }
                else pendingSpace = true;
                continue;
            }
            c = ToHalfWidth(c);
            c = _toSimplified.Map(c);
            if (char.IsLetterOrDigit(c) || c == '〇')
            {
                Flush(sb, ref pendingSpace);
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c == '.' && sb.Length > 0 && char.IsAsciiDigit(sb[^1]) && i + 1 < text.Length && char.IsAsciiDigit(ToHalfWidth(text[i + 1])))
            {
                sb.Append('.'); // decimal point inside a number: 0.5 stays one number
            }
            else
            {
                pendingSpace = true; // punctuation, symbols, emoji, whitespace, control characters
            }
        }
        return ChineseNumerals.ToArabic(sb.ToString());
    }

    /// <summary>
    /// <paramref name="text"/> with Traditional and variant characters in Simplified form and nothing else changed
    /// (punctuation, width, case and numerals kept), for showing a bank question on a Simplified page.
    /// </summary>
    public string ToSimplified(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!char.IsSurrogate(chars[i])) chars[i] = _toSimplified.Map(chars[i]);
        return new string(chars);
    }

    private static void Flush(StringBuilder sb, ref bool pendingSpace)
    {
        if (pendingSpace && sb.Length > 0) sb.Append(' ');
        pendingSpace = false;
    }

    private static char ToHalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>Dense lookup table over the Basic Multilingual Plane: one array read per character.</summary>
    private sealed class FrozenCharMap(char[] table)
    {
        public char Map(char c) => table[c];

        public static FrozenCharMap Load(IEnumerable<string> lines)
        {
            var table = new char[char.MaxValue + 1];
            for (var i = 0; i < table.Length; i++) table[i] = (char)i;
            foreach (var line in lines)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split('\t');
                if (parts.Length == 2 && parts[0].Length == 1 && parts[1].Length == 1) table[parts[0][0]] = parts[1][0];
            }
            // Follow chains (薴 → 苧 → 苎) so that one lookup reaches the final form and normalising is idempotent.
            for (var i = 0; i < table.Length; i++)
            {
                var c = table[i];
                for (var hop = 0; hop < 8 && table[c] != c; hop++) c = table[c];
                table[i] = c;
            }
            return new FrozenCharMap(table);
        }
    }
}

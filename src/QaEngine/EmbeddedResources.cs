using System.Reflection;

namespace GovAssistant.QaEngine;

/// <summary>Reads the data files compiled into this assembly (character map, dictionaries, synonyms, stop words).</summary>
internal static class EmbeddedResources
{
    public static IEnumerable<string> ReadLines(string fileName)
    {
        var assembly = typeof(EmbeddedResources).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line.TrimEnd('\r');
    }

    /// <summary>Non-comment, non-blank lines.</summary>
    public static IEnumerable<string> ReadDataLines(string fileName) =>
        ReadLines(fileName).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#');
}

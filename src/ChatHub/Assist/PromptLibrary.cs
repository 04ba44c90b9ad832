using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace GovAssistant.ChatHub.Assist;

/// <summary>A prompt ready to send: its name and version, the system and user text, and the entries it rests on.</summary>
/// <param name="Name">The prompt file's name (handoff-summary …).</param>
/// <param name="Version">The version line of the file, recorded with every call.</param>
/// <param name="System">Instructions.</param>
/// <param name="User">The material (conversation, entries, question).</param>
/// <param name="EntryIds">Bank entries quoted in the prompt.</param>
/// <param name="Json">True when the answer must be a JSON object.</param>
public sealed record RenderedPrompt(string Name, string Version, string System, string User, IReadOnlyList<string> EntryIds, bool Json);

/// <summary>
/// The prompts, one Markdown file each in <c>Assist/Prompts</c> (embedded in the assembly): a <c>version:</c> line,
/// then a <c># system</c> and a <c># user</c> section with <c>{{placeholders}}</c>. Changing a prompt means changing
/// its version, so the usage table tells which prompt produced what.
/// </summary>
public static class PromptLibrary
{
    private static readonly ConcurrentDictionary<string, (string Version, string System, string User)> Loaded = new();

    /// <summary>Renders prompt <paramref name="name"/> with <paramref name="values"/>.</summary>
    public static RenderedPrompt Render(string name, IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? entryIds = null, bool json = false)
    {
        var (version, system, user) = Loaded.GetOrAdd(name, Load);
        return new RenderedPrompt(name, version, Fill(system, values), Fill(user, values), entryIds ?? [], json);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template);
        foreach (var (key, value) in values) text.Replace("{{" + key + "}}", value);
        return text.ToString();
    }

    private static (string, string, string) Load(string name)
    {
        var resource = $"GovAssistant.ChatHub.Assist.Prompts.{name}.md";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Prompt {resource} is not embedded");
        var lines = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n").Split('\n');
        var version = lines.First(l => l.StartsWith("version:", StringComparison.Ordinal))["version:".Length..].Trim();
        var system = new StringBuilder();
        var user = new StringBuilder();
        StringBuilder? section = null;
        foreach (var line in lines)
        {
            if (line.Trim() == "# system") section = system;
            else if (line.Trim() == "# user") section = user;
            else section?.Append(line).Append('\n');
        }
        return (version, system.ToString().Trim(), user.ToString().Trim());
    }
}

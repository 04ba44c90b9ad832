namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// A death changes the service: what a holder does for themselves (注销居住证, 领公积金) is not what the family does after
/// the holder has died. A message that says someone died is answered only by an entry that speaks of a death, in its
/// questions or its answer (去世, 死亡, 继承, 丧葬 …).
/// </summary>
public static class Deaths
{
    // How citizens say that someone died ("走了", "不在了" say it too, but as often say someone left).
    private static readonly string[] Said = ["去世", "过世", "病逝", "离世", "逝世", "死亡", "身故", "亡故", "人没了", "去逝"];

    // What an entry about the aftermath of a death speaks of.
    private static readonly string[] SpokenOf = [.. Said, "继承", "遗产", "丧葬", "遗属", "抚恤", "遗嘱", "死者"];

    /// <summary>True when the normalised message says that someone died.</summary>
    public static bool AreSaidIn(string message) => WordLists.AnyIn(message, Said);

    /// <summary>True when the normalised text (an entry's question or answer) speaks of a death or its aftermath.</summary>
    public static bool AreSpokenOfIn(string text) => WordLists.AnyIn(text, SpokenOf);
}

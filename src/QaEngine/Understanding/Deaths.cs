namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// A death changes the service: what a holder does for themselves (注销居住证, 领公积金) is not what the family does after
/// the holder has died. A message that says someone died is answered only by an entry that speaks of a death, in its
/// questions or its answer (去世, 死亡, 继承, 丧葬 …).
/// </summary>
public static class Deaths
{
    // How citizens say that someone died ("走了", "不在了" say it too, but as often say someone left).
    private static readonly string[] Said = ["去世", "过世", "病逝", "病故", "已故", "故去", "离世", "逝世", "死亡", "身故", "亡故", "人没了", "去逝"];

    // The aftermath of a death: what an entry about it speaks of, and what tells of a death in a message too.
    private static readonly string[] Aftermath = ["继承", "遗产", "丧葬", "遗属", "抚恤", "遗嘱", "死者"];

    private static readonly string[] SpokenOf = [.. Said, .. Aftermath];

    /// <summary>True when the normalised message says that someone died.</summary>
    public static bool AreSaidIn(string message) => WordLists.AnyIn(message, Said);

    /// <summary>True when the normalised text (an entry's question or answer) speaks of a death or its aftermath.</summary>
    public static bool AreSpokenOfIn(string text) => WordLists.AnyIn(text, SpokenOf);

    // Every way a message may tell of a death: the certain ones, its aftermath (丧葬补助金, 遗产), and the uncertain ones
    // (走了, 没了, 后事). A message saying none of them tells none.
    private static readonly string[] MayBeTold =
        [.. SpokenOf, "走了", "不在了", "没了", "过身", "身亡", "死了", "火化", "丧事", "后事", "遗体", "牺牲", "遇难", "殉职", "工亡"];

    /// <summary>
    /// True when the normalised message tells of no death in any words, not even uncertain ones: an entry whose own
    /// question is about someone who died (持证的残疾人去世了…) does not answer it.
    /// </summary>
    public static bool AreNotToldIn(string message) => !WordLists.AnyIn(message, MayBeTold);
}

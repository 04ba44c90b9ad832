namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Thrown by <see cref="IBankStore"/> when asked to save entries that break <see cref="FaqEntryRules"/> or repeat an id;
/// nothing was saved. <see cref="Errors"/> holds Chinese messages fit to show an editor.
/// </summary>
public sealed class InvalidFaqEntryException(IReadOnlyList<ImportError> errors)
    : Exception("问答条目未通过校验，未做任何修改：" + string.Join("；", errors.Take(5)) + (errors.Count > 5 ? $"……共 {errors.Count} 处" : ""))
{
    /// <summary>Every problem found. <see cref="ImportError.Line"/> is the 1-based position of the entry in the list passed in.</summary>
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

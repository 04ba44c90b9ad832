namespace GovAssistant.KnowledgeBase;

/// <summary>What <see cref="IBankStore.ImportAsync(ImportReport, bool, string, CancellationToken)"/> changed.</summary>
/// <param name="Created">Entries that were new.</param>
/// <param name="Updated">Existing entries whose content or status changed.</param>
/// <param name="Retired">Entries retired because a replacing import did not contain them.</param>
/// <param name="Unchanged">Entries in the import identical to what was stored (no new version written).</param>
/// <param name="Revision">The bank revision after the import.</param>
public sealed record ImportResult(int Created, int Updated, int Retired, int Unchanged, long Revision);

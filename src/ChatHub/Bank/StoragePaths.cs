namespace GovAssistant.ChatHub.Bank;

/// <summary>Absolute locations of the service's files, resolved once against the content root.</summary>
/// <param name="DatabasePath">The SQLite file shared by the bank, conversations and accounts.</param>
/// <param name="DataFolder">The folder holding it (Data Protection keys live under <c>keys/</c> there).</param>
public sealed record StoragePaths(string DatabasePath, string DataFolder);

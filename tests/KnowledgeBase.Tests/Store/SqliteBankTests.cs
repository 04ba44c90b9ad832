namespace GovAssistant.KnowledgeBase.Tests.Store;

// The bank contracts on SQLite (FaqStore): one file, as the README's first command runs it.

public sealed class SqliteBankStoreTests : BankStoreContract
{
    protected override TestBank CreateBank() => new SqliteTestBank();
}

public sealed class SqliteBankDraftTests : BankDraftContract
{
    protected override TestBank CreateBank() => new SqliteTestBank();
}

public sealed class SqliteBankConcurrencyTests : BankConcurrencyContract
{
    protected override TestBank CreateBank() => new SqliteTestBank();
}

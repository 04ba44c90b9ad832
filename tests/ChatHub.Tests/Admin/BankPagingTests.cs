using System.Net;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Paging through the bank list cannot wrap round to an earlier page, however large the page number.</summary>
public sealed class BankPagingTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    [Theory]
    [InlineData(2147483647, 100)]   // (page − 1) × 100 overflows int
    [InlineData(21474837, 100)]     // the first page number whose offset overflows
    [InlineData(1000, 100)]         // simply past the end
    public async Task APageBeyondTheEndIsEmptyNotTheFirstPage(int page, int pageSize)
    {
        using var admin = await bank.AdminAsync();

        var far = await admin.GetJsonAsync($"/api/admin/bank/entries?page={page}&pageSize={pageSize}");

        Assert.Empty(far["items"]!.AsArray());
        Assert.Equal(page, far["page"]!.GetValue<int>());
        Assert.True(far["total"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task TheLastPageHoldsTheRemainderAndPageZeroIsRefused()
    {
        using var admin = await bank.AdminAsync();
        var total = (await admin.GetJsonAsync("/api/admin/bank/entries?pageSize=1"))["total"]!.GetValue<int>();

        var last = await admin.GetJsonAsync($"/api/admin/bank/entries?page={(total + 99) / 100}&pageSize=100");
        using var zero = await admin.GetAsync("/api/admin/bank/entries?page=0");

        Assert.Equal(total % 100 == 0 ? 100 : total % 100, last["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }
}

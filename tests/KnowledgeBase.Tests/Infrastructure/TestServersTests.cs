using System.Net.Sockets;
using GovAssistant.Tests.Shared;
using Npgsql;

namespace GovAssistant.KnowledgeBase.Tests.Infrastructure;

/// <summary>The real servers the PostgreSQL and Redis tests stand on.</summary>
public sealed class TestServersTests
{
    [Fact]
    public async Task EachPostgresDatabaseStartsEmptyAndIsGoneOnceDropped()
    {
        var first = await PostgresServer.CreateDatabaseAsync();
        var second = await PostgresServer.CreateDatabaseAsync();
        await using (var a = new NpgsqlConnection(first))
        {
            await a.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE t (x int); INSERT INTO t VALUES (1);", a).ExecuteNonQueryAsync();
        }
        await using (var b = new NpgsqlConnection(second))
        {
            await b.OpenAsync();
            var tables = (long)(await new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", b).ExecuteScalarAsync())!;
            Assert.Equal(0, tables);
        }
        await PostgresServer.DropDatabaseAsync(first);
        await PostgresServer.DropDatabaseAsync(second);
        await using var again = new NpgsqlConnection(first);
        await Assert.ThrowsAsync<PostgresException>(() => again.OpenAsync());
    }

    [Fact]
    public async Task RedisCanBeTakenAwayAndBroughtBackOnItsPort()
    {
        await using var redis = await RedisServer.StartNewAsync();
        Assert.Equal("+PONG", await PingAsync(redis.Port));
        await redis.StopAsync();
        await Assert.ThrowsAnyAsync<SocketException>(() => PingAsync(redis.Port));
        await redis.StartAsync();
        Assert.Equal("+PONG", await PingAsync(redis.Port));
    }

    private static async Task<string> PingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Trim();
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace GovAssistant.ChatHub.Tests.Agents;

public sealed class AgentBootstrapTests
{
    [Fact]
    public async Task FirstStartCreatesExactlyOneAdminAndARestartNeitherRecreatesNorResetsIt()
    {
        await using var host = new AgentsHost();
        await host.InitializeAsync();

        Assert.Equal(1, host.Scalar<int>("SELECT COUNT(*) FROM agents;"));
        Assert.Equal("""["admin","supervisor","agent"]""", host.Scalar<string>("SELECT roles FROM agents WHERE id = 'admin';"));
        await host.RestartAsync("Another-secret-4471");

        Assert.Equal(1, host.Scalar<int>("SELECT COUNT(*) FROM agents;"));
        Assert.Equal(HttpStatusCode.OK, (await host.NewClient().LoginAsync("admin", AgentsHost.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.NewClient().LoginAsync("admin", "Another-secret-4471")).StatusCode);
    }

    [Fact]
    public async Task ThePasswordIsStoredOnlyAsASaltedHash()
    {
        await using var host = new AgentsHost();
        await host.InitializeAsync();

        var hash = host.Scalar<string>("SELECT password_hash FROM agents WHERE id = 'admin';");

        Assert.DoesNotContain(AgentsHost.AdminPassword, hash);
        Assert.True(hash.Length > 40, hash);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AgentsHost.AdminPassword)), hash);
    }

    [Fact]
    public async Task AWeakConfiguredAdminPasswordStopsTheStartWithAChineseReason()
    {
        await using var host = new AgentsHost("12345678");

        var error = await Assert.ThrowsAnyAsync<Exception>(host.InitializeAsync);

        Assert.Contains("GOVASSISTANT_ADMIN_PASSWORD", error.ToString());
        Assert.Contains("密码过于简单", error.ToString());
    }
}

/// <summary>Reads the console, so it runs alone: no other host may print there meanwhile.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

[Collection(nameof(ConsoleCapture))]
public sealed partial class AgentBootstrapConsoleTests
{
    [GeneratedRegex("初始密码已写入 (\\S+)")]
    private static partial Regex PrintedPath();

    [Fact]
    public async Task WithoutAConfiguredPasswordARandomOneGoesToAPrivateFileWhosePathAloneIsPrinted()
    {
        var original = Console.Out;
        var console = new StringWriter();
        var host = new AgentsHost(adminPassword: null);
        try
        {
            Console.SetOut(console);
            await host.InitializeAsync();
            await host.RestartAsync(adminPassword: null);
        }
        finally
        {
            Console.SetOut(original);
        }

        try
        {
            var path = Assert.Single(PrintedPath().Matches(console.ToString())).Groups[1].Value;
            Assert.Equal(Path.Combine(host.Folder, "admin-initial-password.txt"), path);
            var password = File.ReadAllText(path).Trim();
            Assert.Equal(16, password.Length);
            Assert.DoesNotContain(password, console.ToString());
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Contains("First start", console.ToString());
            Assert.Equal(HttpStatusCode.OK, (await host.NewClient().LoginAsync("admin", password)).StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}

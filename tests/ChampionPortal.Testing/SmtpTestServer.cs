using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ChampionPortal.Testing;

/// <summary>A real SMTP server in the test process, on a free loopback port; tests wait for the messages it receives.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Channel<MimeMessage> received = Channel.CreateUnbounded<MimeMessage>();
    private readonly List<MimeMessage> seen = [];
    private CancellationTokenSource stop = new();
    private Task serving = Task.CompletedTask;
    private int receivedCount;

    public SmtpTestServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Start();
    }

    public int Port { get; }

    /// <summary>Every message received since the server was created, duplicates included.</summary>
    public int ReceivedCount => Volatile.Read(ref receivedCount);

    /// <summary>Starts listening (again) on the same port.</summary>
    public void Start()
    {
        stop = new CancellationTokenSource();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received.Writer, () => Interlocked.Increment(ref receivedCount)));
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    /// <summary>Stops listening, as a mail server that goes away does.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Settings that point the portal at this server.</summary>
    public IReadOnlyDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:FromAddress"] = "portal@test.example.org",
    };

    /// <summary>The next message to <paramref name="address"/>, waiting for it to arrive (at most 30 s).</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (seen)
            {
                var match = seen.FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));
                if (match is not null)
                {
                    seen.Remove(match);
                    return match;
                }
            }

            var next = await received.Reader.ReadAsync(timeout.Token);
            lock (seen)
            {
                seen.Add(next);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private sealed class Store(ChannelWriter<MimeMessage> writer, Action counted) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            counted();
            await using var stream = new MemoryStream(buffer.ToArray());
            await writer.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}

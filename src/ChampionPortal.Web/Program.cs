using ChampionPortal.Web;
using ChampionPortal.Web.Host;

if (OperatorCommands.IsCommand(args))
{
    var (command, hostArgs) = OperatorCommands.Split(args);
    var commandApp = PortalApp.Build(hostArgs, forCommand: true);
    return await OperatorCommands.RunAsync(
        commandApp.Services, command, Console.IsInputRedirected ? Console.In : TextReader.Null, Console.Out, Console.Error);
}

var app = PortalApp.Build(args, forCommand: false);
await app.RunAsync();
return 0;

/// <summary>Lets the test host find the entry point.</summary>
public partial class Program;

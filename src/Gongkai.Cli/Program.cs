using System.Text;
using Gongkai.Cli;

// Chinese output must reach pipes and log files as UTF-8 whatever the terminal's settings.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return Cli.Run(args, Console.Out, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);

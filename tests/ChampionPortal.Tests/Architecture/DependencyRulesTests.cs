using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ChampionPortal.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md, read from the compiled portal (its types, signatures and method bodies, the
/// compiler's closures and state machines counted with the type that wrote them): which part may use which.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string Root = "ChampionPortal.Web";
    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> TypeUses = new(ReadUses);

    [Theory]
    [InlineData("Domain", new[] { "Data", "Infrastructure", "Features", "Host" })]
    [InlineData("Infrastructure", new[] { "Data", "Features", "Host" })]
    [InlineData("Data", new[] { "Features", "Host" })]
    [InlineData("Features", new[] { "Host" })]
    public void A_part_does_not_use_the_parts_built_on_it(string part, string[] forbidden)
    {
        var offences = TypeUses.Value
            .Where(t => Part(t.Key) == part)
            .SelectMany(t => t.Value.Where(used => forbidden.Contains(Part(used))).Select(used => $"{t.Key} uses {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        offences.Should().BeEmpty($"{part} must not use {string.Join(" or ", forbidden)}");
    }

    [Fact]
    public void No_controller_calls_another_controller()
    {
        var controllers = TypeUses.Value.Keys.Where(t => t.EndsWith("Controller", StringComparison.Ordinal)).ToHashSet();

        TypeUses.Value.Where(t => controllers.Contains(t.Key))
            .SelectMany(t => t.Value.Where(used => used != t.Key && controllers.Contains(used) && !IsBase(used)).Select(used => $"{t.Key} uses {used}"))
            .Should().BeEmpty("a controller answers its own requests; what two share lives in a service or a result type");
    }

    [Fact]
    public void Features_use_each_other_without_a_cycle()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (type, uses) in TypeUses.Value.Where(t => Part(t.Key) == "Features"))
        {
            var from = Feature(type);
            foreach (var to in uses.Where(u => Part(u) == "Features").Select(Feature).Where(f => f != from))
            {
                (graph.TryGetValue(from, out var set) ? set : graph[from] = new HashSet<string>(StringComparer.Ordinal)).Add(to);
            }
        }

        Cycles(graph).Should().BeEmpty("a feature that uses another is not used by it, however indirectly");
    }

    internal static string Part(string type) => type.Split('.') is [_, _, var part, ..] ? part : "";

    private static string Feature(string type) => type.Split('.')[3];

    // The shared controller bases every controller derives from.
    private static bool IsBase(string type) => type.StartsWith(Root + ".Features.Shared.", StringComparison.Ordinal);

    /// <summary>Each cycle once, as "A → B → A", found by a depth-first walk from every feature.</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string node, List<string> path)
        {
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                var at = path.IndexOf(next);
                if (at >= 0)
                {
                    var cycle = path[at..];
                    var first = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                    found.Add(string.Join(" → ", cycle[first..].Concat(cycle[..first]).Append(cycle[first])));
                }
                else if (path.Count < 12)
                {
                    Walk(next, [.. path, next]);
                }
            }
        }

        foreach (var start in graph.Keys)
        {
            Walk(start, [start]);
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    /// <summary>For each of the portal's named types, the portal's types it uses.</summary>
    private static IReadOnlyDictionary<string, HashSet<string>> ReadUses()
    {
        using var module = ModuleDefinition.ReadModule(typeof(ChampionPortal.Web.PortalApp).Assembly.Location);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = Owner(type);
            if (!owner.StartsWith(Root + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var set = uses.TryGetValue(owner, out var existing) ? existing : uses[owner] = new HashSet<string>(StringComparer.Ordinal);
            void Add(TypeReference? reference)
            {
                switch (reference)
                {
                    case null:
                        return;
                    case GenericInstanceType generic:
                        Add(generic.ElementType);
                        foreach (var argument in generic.GenericArguments)
                        {
                            Add(argument);
                        }

                        return;
                    case TypeSpecification specification:
                        Add(specification.ElementType);
                        return;
                }

                var name = Owner(reference);
                if (name.StartsWith(Root + ".", StringComparison.Ordinal) && name != owner)
                {
                    set.Add(name);
                }
            }

            void AddMember(MemberReference member)
            {
                Add(member.DeclaringType);
                switch (member)
                {
                    case MethodReference method:
                        Add(method.ReturnType);
                        foreach (var parameter in method.Parameters)
                        {
                            Add(parameter.ParameterType);
                        }

                        if (method is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                Add(argument);
                            }
                        }

                        break;
                    case FieldReference field:
                        Add(field.FieldType);
                        break;
                }
            }

            Add(type.BaseType);
            foreach (var face in type.Interfaces)
            {
                Add(face.InterfaceType);
            }

            var attributes = type.CustomAttributes.Concat(type.Methods.SelectMany(m => m.CustomAttributes))
                .Concat(type.Properties.SelectMany(p => p.CustomAttributes)).Concat(type.Fields.SelectMany(f => f.CustomAttributes));
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Add(argument.Value as TypeReference);
                }
            }

            foreach (var field in type.Fields)
            {
                Add(field.FieldType);
            }

            foreach (var property in type.Properties)
            {
                Add(property.PropertyType);
            }

            foreach (var method in type.Methods)
            {
                AddMember(method);
                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var variable in method.Body.Variables)
                {
                    Add(variable.VariableType);
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference used:
                            Add(used);
                            break;
                        case MemberReference member:
                            AddMember(member);
                            break;
                    }
                }
            }
        }

        return uses;
    }

    /// <summary>The named type a type belongs to: a nested type (a closure, a state machine) to the one it is in.</summary>
    private static string Owner(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.FullName.Split('`')[0];
    }
}

/// <summary>
/// What a page shows to whom, what an action allows and which records a list holds are decided in one place: the
/// named policies and record handlers, and the reader's reach (both in Infrastructure/Auth).
/// </summary>
public sealed class ViewAuthorizationTests
{
    [Fact]
    public void Views_controllers_and_services_ask_the_policies_not_the_roles()
    {
        var features = Path.Combine(Localization.ResourceCompletenessTests.RepositoryRoot(), "src", "ChampionPortal.Web", "Features");

        Directory.EnumerateFiles(features, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IsInRole(", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Should().BeEmpty("a page, an action or a service asks IAuthorizationService with a policy or a record check (AllowsAsync), or the reader's Reach for a list, so what is shown, what is allowed and what is listed agree");
    }
}

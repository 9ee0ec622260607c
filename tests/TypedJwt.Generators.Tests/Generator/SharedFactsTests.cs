extern alias TypedJwtRuntime;

using System.Reflection;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Symbols;
using Runtime = TypedJwtRuntime::TypedJwt;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>
/// What the generator knows of the runtime comes from the runtime: the attribute types and enums are the runtime's files
/// compiled into the generator (internal there), and the other types it looks for are named in the runtime's namespace.
/// These tests hold those names and values to the runtime assembly itself.
/// </summary>
public class SharedFactsTests
{
    private static readonly Assembly RuntimeAssembly = typeof(Runtime.JwtError).Assembly;

    public static TheoryData<string> LinkedTypes() => [.. typeof(JwtGenerator).Assembly.GetTypes()
        .Where(t => t.Namespace == KnownTypeSymbols.Namespace && !t.IsNested)
        .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(LinkedTypes))]
    public void A_type_the_generator_compiles_from_the_runtime_has_the_runtime_type_s_members(string fullName)
    {
        Type generator = typeof(JwtGenerator).Assembly.GetType(fullName)!;
        Type? runtime = RuntimeAssembly.GetType(fullName);

        Assert.NotNull(runtime);
        Assert.False(generator.IsPublic);
        Assert.Equal(Members(runtime), Members(generator));
        if (generator.IsEnum)
        {
            Assert.Equal(Values(runtime), Values(generator));
        }
    }

    [Fact]
    public void Every_runtime_type_the_analyzers_name_exists_in_the_runtime()
    {
        string[] names = typeof(KnownTypeSymbols).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string) && f.Name.EndsWith("Name", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)!)
            .Where(name => name.StartsWith(KnownTypeSymbols.Namespace + ".", StringComparison.Ordinal))
            .ToArray();

        Assert.Contains(KnownTypeSymbols.PayloadAttributeName, names);
        Assert.All(names, name => Assert.NotNull(RuntimeAssembly.GetType(name)));
    }

    [Fact]
    public void The_known_symbols_of_a_compilation_are_resolved_once()
    {
        Compilation compilation = Harness.Compile("public class C { }");

        KnownTypeSymbols symbols = KnownTypeSymbols.Get(compilation);

        Assert.Same(symbols, KnownTypeSymbols.Get(compilation));
        Assert.True(symbols.ReferencesTypedJwt);
        Assert.NotNull(symbols.NestedJwtValidator);
        Assert.Null(symbols.SymmetricSecurityKey);
    }

    private static string[] Members(Type type) => [.. type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .Select(m => m.MemberType + " " + m.Name)
        .Order(StringComparer.Ordinal)];

    private static long[] Values(Type enumType) => [.. Enum.GetValues(enumType).Cast<object>().Select(Convert.ToInt64)];
}

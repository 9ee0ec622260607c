using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TypedJwt.Generators.Tests;

/// <summary>
/// A workspace of one or more projects that reference TypedJwt and run its generator (so payload types implement
/// <c>IJwtPayload&lt;T&gt;</c> and calls such as <c>JwsWriter.Write(payload, key)</c> bind), for code fixes that look beyond
/// the document they fix: what they register, in which order, and what Fix All makes of the first one.
/// </summary>
internal sealed class FixWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();

    public Solution Solution => _workspace.CurrentSolution;

    public void Dispose() => _workspace.Dispose();

    /// <summary>Adds a project of <paramref name="sources"/> (each prefixed with <see cref="Harness.Usings"/>) that references <paramref name="references"/>.</summary>
    public ProjectId AddProject(string name, string[] sources, params ProjectId[] references)
    {
        ProjectId id = ProjectId.CreateNewId(name);
        Solution solution = Solution.AddProject(ProjectInfo.Create(
                id,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: Harness.ParseOptions,
                metadataReferences: Harness.References,
                analyzerReferences: [LoadedAssemblyLoader.Generator]))
            .AddProjectReferences(id, references.Select(r => new ProjectReference(r)));
        for (int i = 0; i < sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), $"{name}{i}.cs", SourceText.From(Harness.Usings + sources[i]), filePath: $"/{name}/{name}{i}.cs");
        }

        Assert.True(_workspace.TryApplyChanges(solution));
        return id;
    }

    /// <summary>The project compiled with its generated code: no errors, so every call the fix looks at binds.</summary>
    public async Task<Compilation> CompileAsync(ProjectId project)
    {
        Compilation compilation = (await Solution.GetProject(project)!.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ProjectId project, DiagnosticAnalyzer analyzer)
    {
        Compilation compilation = await CompileAsync(project);
        return await compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>The code actions <paramref name="provider"/> registers for <paramref name="diagnostic"/>, in registration order.</summary>
    public async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Diagnostic diagnostic)
    {
        Document document = Solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    /// <summary>
    /// What <c>dotnet format analyzers --diagnostics ID</c> does with one fix provider (SolutionCodeFixApplier in dotnet/sdk):
    /// the equivalence key of the first action registered for the first diagnostic, applied by the provider's Fix All to
    /// every diagnostic in the solution.
    /// </summary>
    public async Task<Solution> FixAllLikeDotnetFormatAsync(CodeFixProvider provider, string id, ImmutableArray<Diagnostic> diagnostics)
    {
        Diagnostic first = diagnostics.First(d => d.Id == id);
        CodeAction action = (await ActionsAsync(provider, first))[0];
        var context = new FixAllContext(
            Solution.GetDocument(first.Location.SourceTree)!,
            provider,
            FixAllScope.Solution,
            action.EquivalenceKey!,
            [id],
            new FixedDiagnostics(diagnostics.Where(d => d.Id == id)),
            CancellationToken.None);
        CodeAction fixAll = (await provider.GetFixAllProvider()!.GetFixAsync(context))!;
        ApplyChangesOperation apply = Assert.Single((await fixAll.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        return apply.ChangedSolution;
    }

    private sealed class FixedDiagnostics(IEnumerable<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => GetProjectDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => project.GetDocument(d.Location.SourceTree) is not null));
    }

    /// <summary>
    /// Loads the TypedJwt generator for an <see cref="AnalyzerFileReference"/> from the assembly this process already has,
    /// so the reference is a real file reference (the workspace checksums references, and only knows how for file and image
    /// references) without a second copy of the generator in another load context.
    /// </summary>
    private sealed class LoadedAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerFileReference Generator = new(typeof(JwtGenerator).Assembly.Location, new LoadedAssemblyLoader());

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) =>
            fullPath == typeof(JwtGenerator).Assembly.Location ? typeof(JwtGenerator).Assembly : Assembly.LoadFrom(fullPath);
    }
}

// Counts the code files outside Platform/ that a command's handler reaches: every method, constructor, property and
// type its Handle method uses, followed through their bodies (and through mediator.Send to the handler of the request
// sent), each counted by the file that declares it.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

var api = Path.GetFullPath(args[0]);
var refs = File.ReadAllLines(args[1]).Where(l => l.Length > 0).Select(p => MetadataReference.CreateFromFile(p));
var parse = new CSharpParseOptions(LanguageVersion.Preview);
var files = Directory.GetFiles(api, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/"))
    .Where(f => !f.Contains("/obj/") || f.EndsWith("GlobalUsings.g.cs"));
var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
var compilation = CSharpCompilation.Create("api", trees, refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0) { foreach (var e in errors.Take(10)) Console.Error.WriteLine(e); }

foreach (var start in args.Skip(2))
{
    // start: a type's metadata name such as Marketplace.Contracts.AcceptWork
    var useCase = compilation.GetTypeByMetadataName(start) ?? throw new Exception("no " + start);
    var reached = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    var filesReached = new SortedSet<string>(StringComparer.Ordinal);
    var work = new Stack<ISymbol>();
    void Reach(ISymbol? s)
    {
        if (s is null) return;
        if (s is IMethodSymbol m) s = m.ReducedFrom ?? m.OriginalDefinition;
        else s = s.OriginalDefinition;
        if (!reached.Add(s)) return;
        var methodsOnly = Environment.GetEnvironmentVariable("METHODS") is not null;
        if (!methodsOnly || (s is IMethodSymbol { IsImplicitlyDeclared: false, MethodKind: MethodKind.Ordinary or MethodKind.Constructor } && s.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is BaseMethodDeclarationSyntax)))
            foreach (var r in s.DeclaringSyntaxReferences) filesReached.Add(Path.GetRelativePath(api, r.SyntaxTree.FilePath));
        if (s is INamedTypeSymbol t)
        {
            // an entity type: its members that hold data run too (records' properties); count the type's files only
            return;
        }
        work.Push(s);
    }
    void ReachType(ITypeSymbol? t)
    {
        switch (t)
        {
            case null: return;
            case IArrayTypeSymbol a: ReachType(a.ElementType); return;
            case INamedTypeSymbol n:
                if (n.DeclaringSyntaxReferences.Length > 0) Reach(n);
                foreach (var ta in n.TypeArguments) ReachType(ta);
                if (n.ContainingType is not null && n.ContainingType.DeclaringSyntaxReferences.Length > 0) Reach(n.ContainingType);
                return;
        }
    }
    var handler = useCase.GetTypeMembers("Handler").Single();
    Reach(handler.GetMembers("Handle").Single());
    Reach(handler);
    foreach (var c in handler.Constructors) Reach(c);
    foreach (var v in useCase.GetTypeMembers("Validator")) foreach (var c in v.Constructors) Reach(c);
    while (work.Count > 0)
    {
        var s = work.Pop();
        foreach (var reference in s.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            // a primary constructor's parameters and a record's properties
            foreach (var n in node.DescendantNodesAndSelf())
            {
                ISymbol? sym = null;
                switch (n)
                {
                    case InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                        or IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax:
                        var info = model.GetSymbolInfo(n);
                        sym = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                        break;
                }
                if (n is ExpressionSyntax e) ReachType(model.GetTypeInfo(e).Type);
                if (n is TypeSyntax ts) ReachType(model.GetTypeInfo(ts).Type);
                if (sym is null) continue;
                if (sym.DeclaringSyntaxReferences.Length == 0)
                {
                    if (sym is IMethodSymbol gm) foreach (var ta in gm.TypeArguments) ReachType(ta);
                    continue;
                }
                switch (sym)
                {
                    case IMethodSymbol m:
                        Reach(m);
                        if (m.ContainingType is { } ct) ReachType(ct);
                        foreach (var ta in m.TypeArguments) ReachType(ta);
                        break;
                    case IPropertySymbol p:
                        Reach(p); ReachType(p.ContainingType); break;
                    case IFieldSymbol f:
                        Reach(f); ReachType(f.ContainingType); break;
                    case INamedTypeSymbol t: ReachType(t); break;
                }
            }
            // mediator.Send(new X.Query(...)): X's handler runs
            foreach (var inv in node.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (Environment.GetEnvironmentVariable("NOSEND") is not null) break;
                if (inv.Expression is not MemberAccessExpressionSyntax { Name.Identifier.Text: "Send" } || inv.ArgumentList.Arguments.Count == 0) continue;
                var sent = model.GetTypeInfo(inv.ArgumentList.Arguments[0].Expression).Type as INamedTypeSymbol;
                if (sent?.ContainingType is not { } owner) continue;
                foreach (var h in owner.GetTypeMembers("Handler"))
                {
                    Reach(h);
                    foreach (var m in h.GetMembers("Handle")) Reach(m);
                    foreach (var c in h.Constructors) Reach(c);
                }
                foreach (var v in owner.GetTypeMembers("Validator")) foreach (var c in v.Constructors) Reach(c);
            }
        }
    }
    var outside = filesReached.Where(f => !f.StartsWith("Platform/") && !f.StartsWith("obj/") && !f.EndsWith("Routes.cs") && f != "Program.cs").ToList();
    Console.WriteLine($"{start}: {outside.Count}");
    if (Environment.GetEnvironmentVariable("V") is not null) foreach (var f in outside) Console.WriteLine("    " + f);
}

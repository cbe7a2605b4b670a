// A locality-based module of the pinned EMMO snapshot, for reasoning over LiSKG + its alignment + EMMO in
// the tests without the whole of EMMO (scripts/emmo_module.py runs it).
// Usage: java EmmoModule SNAPSHOT_DIR SIGNATURE_FILE OUT.ttl
// Loads every Turtle file of the snapshot (imports left unresolved: every module is loaded anyway), merges
// their axioms, and extracts the STAR (bottom-top-star) syntactic locality module for the IRIs listed in
// SIGNATURE_FILE (one per line): for any ontology that shares only those terms with EMMO, it and the module
// entail the same as it and the whole of EMMO, consistency and class satisfiability included. Axiom
// annotations are dropped; the module's terms keep their skos:prefLabel. OUT is Turtle, which emmo_module.py
// writes again canonically with a header naming the sources and their licence.
import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.model.*;
import uk.ac.manchester.cs.owlapi.modularity.ModuleType;
import uk.ac.manchester.cs.owlapi.modularity.SyntacticLocalityModuleExtractor;

public class EmmoModule {
    public static void main(String[] args) throws Exception {
        Path snapshot = Paths.get(args[0]);
        List<String> iris = Files.readAllLines(Paths.get(args[1]));
        File out = new File(args[2]);
        Set<OWLAxiom> all = new HashSet<>();
        List<Path> files;
        try (Stream<Path> found = Files.walk(snapshot)) {
            files = found.filter(p -> p.toString().endsWith(".ttl")).sorted().collect(Collectors.toList());
        }
        for (Path p : files) {
            OWLOntologyManager one = OWLManager.createOWLOntologyManager();
            one.getOntologyConfigurator().setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
            try {
                all.addAll(one.loadOntologyFromOntologyDocument(p.toFile()).getAxioms());
            } catch (Exception e) {
                System.err.println("EmmoModule: skipped " + snapshot.relativize(p) + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLDataFactory df = manager.getOWLDataFactory();
        OWLOntology merged = manager.createOntology(all);
        Set<OWLEntity> signature = new HashSet<>();
        for (String iri : iris) {
            if (iri.isBlank()) continue;
            Set<OWLEntity> entities = merged.getEntitiesInSignature(IRI.create(iri.trim()));
            if (entities.isEmpty()) throw new IllegalArgumentException("not in the snapshot: " + iri);
            signature.addAll(entities);
        }
        Set<OWLAxiom> module = new SyntacticLocalityModuleExtractor(manager, merged, ModuleType.STAR).extract(signature);
        Set<OWLAxiom> result = new HashSet<>();
        Set<OWLEntity> entities = new HashSet<>(signature);
        for (OWLAxiom a : module) {
            result.add(a.getAxiomWithoutAnnotations());
            entities.addAll(a.getSignature());
        }
        IRI prefLabel = IRI.create("http://www.w3.org/2004/02/skos/core#prefLabel");
        for (OWLEntity e : entities) {
            if (e.isBuiltIn()) continue;
            result.add(df.getOWLDeclarationAxiom(e));
            for (OWLAnnotationAssertionAxiom a : merged.getAnnotationAssertionAxioms(e.getIRI())) {
                if (a.getProperty().getIRI().equals(prefLabel)) result.add(a.getAxiomWithoutAnnotations());
            }
        }
        OWLOntology written = manager.createOntology(result);
        manager.saveOntology(written, new TurtleDocumentFormat(), new FileOutputStream(out));
        System.out.println("EmmoModule: " + all.size() + " axioms in the snapshot, " + module.size()
                           + " in the module for " + signature.size() + " terms, " + entities.size() + " entities");
    }
}

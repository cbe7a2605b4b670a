// Emulates a Protégé edit session through the OWL API 5 (the library Protégé 5 is built on).
// Loads the root ontology with every import resolved to a local file (one SimpleIRIMapper per
// catalog entry, as Protégé does with catalog-v001.xml), adds the individuals and property values
// read from an edit file to one module, and saves that module the way Protégé's "Save" and
// "Save as" do: Turtle (with the module's own prefixes) and RDF/XML.
//
// Usage: java ProtegeEdit --map IRI=FILE ... --root FILE --module IRI --edit FILE
//                          [--turtle OUT.ttl] [--rdfxml OUT.owl]
// The edit file holds N-Triples lines (<s> <p> <o> . / "text"@lang / "lexical"^^<datatype>); each
// becomes the axiom Protégé's class or individual editor would create: rdfs:subClassOf -> the
// declaration of the subject as a class and a subclass axiom ("Add subclass"); rdf:type owl:Class ->
// a class declaration; any other rdf:type -> a class assertion (and the declaration of the
// individual); a property declared in the imports closure as an object or data property -> a
// property assertion; anything else -> an annotation assertion. Lines whose subject is a blank node
// (_:name) describe an owl:Axiom: its owl:annotatedSource, owl:annotatedProperty and owl:annotatedTarget
// name a triple of the edit, and its other values become annotations of the axiom made from that triple,
// as Protégé's "@" button on an assertion adds them (liskg:evidence, or liskg:assertionBasis with
// liskg:sourceNote).
// Prints one line per step; exit 1 with "ERROR ..." on the first problem.
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.PrefixDocumentFormat;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import org.semanticweb.owlapi.vocab.OWLRDFVocabulary;

public class ProtegeEdit {
    private static final Pattern TRIPLE = Pattern.compile(
        "^(?:<([^>]*)>|_:(\\S+))\\s+<([^>]*)>\\s+(?:<([^>]*)>|\"((?:[^\"\\\\]|\\\\.)*)\"(?:@([A-Za-z0-9-]+)|\\^\\^<([^>]*)>)?)\\s*\\.\\s*$");
    private static final String OWL = "http://www.w3.org/2002/07/owl#";
    // group numbers of TRIPLE
    private static final int SUBJECT = 1, BLANK = 2, PREDICATE = 3, OBJECT = 4, LEXICAL = 5, LANGUAGE = 6, DATATYPE = 7;

    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        String root = null, module = null, edit = null, turtle = null, rdfxml = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) fail("option " + arg + " needs a value");
            String value = args[++i];
            switch (arg) {
                case "--map": {
                    int eq = value.indexOf('=');
                    manager.getIRIMappers().add(new SimpleIRIMapper(IRI.create(value.substring(0, eq)),
                                                                    IRI.create(new File(value.substring(eq + 1)))));
                    break;
                }
                case "--root": root = value; break;
                case "--module": module = value; break;
                case "--edit": edit = value; break;
                case "--turtle": turtle = value; break;
                case "--rdfxml": rdfxml = value; break;
                default: fail("unknown option " + arg);
            }
        }
        if (root == null || module == null || edit == null) fail("--root, --module and --edit are required");

        OWLOntology rootOntology = manager.loadOntologyFromOntologyDocument(new File(root));
        System.out.println("LOADED " + manager.getOntologies().size() + " ontologies, "
                           + rootOntology.getImportsClosure().stream().mapToInt(OWLOntology::getAxiomCount).sum() + " axioms");
        OWLOntology target = manager.getOntology(IRI.create(module));
        if (target == null) fail("module " + module + " is not in the imports closure of " + root);

        OWLDataFactory df = manager.getOWLDataFactory();
        List<Matcher> triples = new ArrayList<>();
        Map<String, Map<String, String>> axiomParts = new LinkedHashMap<>();  // blank node -> part -> IRI
        Map<String, Set<OWLAnnotation>> axiomAnnotations = new LinkedHashMap<>();  // blank node -> annotations
        for (String line : Files.readAllLines(new File(edit).toPath(), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = TRIPLE.matcher(line);
            if (!m.matches()) fail("not an N-Triples line: " + line);
            if (m.group(BLANK) == null) {
                triples.add(m);
                continue;
            }
            String node = m.group(BLANK), predicate = m.group(PREDICATE);
            if (predicate.equals(OWL + "annotatedSource") || predicate.equals(OWL + "annotatedProperty")
                || predicate.equals(OWL + "annotatedTarget")) {
                if (m.group(OBJECT) == null) fail(predicate + " needs an IRI: " + line);
                axiomParts.computeIfAbsent(node, k -> new LinkedHashMap<>()).put(predicate, m.group(OBJECT));
            } else if (!(predicate.equals(OWLRDFVocabulary.RDF_TYPE.getIRI().toString())
                         && (OWL + "Axiom").equals(m.group(OBJECT)))) {
                OWLAnnotationValue value = m.group(OBJECT) != null ? IRI.create(m.group(OBJECT)) : literal(df, m);
                axiomAnnotations.computeIfAbsent(node, k -> new LinkedHashSet<>())
                    .add(df.getOWLAnnotation(df.getOWLAnnotationProperty(IRI.create(predicate)), value));
            }
        }
        Map<String, Set<OWLAnnotation>> annotationsOf = new LinkedHashMap<>();  // "s p o" -> the axiom's annotations
        for (Map.Entry<String, Map<String, String>> e : axiomParts.entrySet()) {
            Map<String, String> parts = e.getValue();
            if (parts.size() != 3) fail("the axiom _:" + e.getKey() + " needs a source, a property and a target");
            String key = parts.get(OWL + "annotatedSource") + " " + parts.get(OWL + "annotatedProperty") + " "
                         + parts.get(OWL + "annotatedTarget");
            annotationsOf.put(key, axiomAnnotations.getOrDefault(e.getKey(), Set.of()));
        }

        Set<OWLAxiom> axioms = new LinkedHashSet<>();
        Set<String> annotated = new LinkedHashSet<>();
        for (Matcher m : triples) {
            IRI subject = IRI.create(m.group(SUBJECT));
            IRI predicate = IRI.create(m.group(PREDICATE));
            String key = m.group(SUBJECT) + " " + m.group(PREDICATE) + " " + m.group(OBJECT);  // null: a literal
            Set<OWLAnnotation> annotations = annotationsOf.getOrDefault(key, Set.of());
            annotated.add(key);
            OWLNamedIndividual individual = df.getOWLNamedIndividual(subject);
            if (predicate.equals(OWLRDFVocabulary.RDFS_SUBCLASS_OF.getIRI())) {
                if (m.group(OBJECT) == null) fail("rdfs:subClassOf needs a class IRI: " + m.group());
                OWLClass sub = df.getOWLClass(subject);
                axioms.add(df.getOWLDeclarationAxiom(sub));
                axioms.add(df.getOWLSubClassOfAxiom(sub, df.getOWLClass(IRI.create(m.group(OBJECT))), annotations));
            } else if (predicate.equals(OWLRDFVocabulary.RDF_TYPE.getIRI())
                       && OWLRDFVocabulary.OWL_CLASS.getIRI().toString().equals(m.group(OBJECT))) {
                axioms.add(df.getOWLDeclarationAxiom(df.getOWLClass(subject)));
            } else if (predicate.equals(OWLRDFVocabulary.RDF_TYPE.getIRI())) {
                axioms.add(df.getOWLDeclarationAxiom(individual));
                if (!m.group(OBJECT).equals(OWLRDFVocabulary.OWL_NAMED_INDIVIDUAL.getIRI().toString())) {
                    axioms.add(df.getOWLClassAssertionAxiom(df.getOWLClass(IRI.create(m.group(OBJECT))), individual,
                                                            annotations));
                }
            } else if (rootOntology.containsObjectPropertyInSignature(predicate, Imports.INCLUDED)) {
                if (m.group(OBJECT) == null) fail("object property <" + predicate + "> needs an IRI value: " + m.group());
                axioms.add(df.getOWLObjectPropertyAssertionAxiom(df.getOWLObjectProperty(predicate), individual,
                                                                 df.getOWLNamedIndividual(IRI.create(m.group(OBJECT))),
                                                                 annotations));
            } else if (rootOntology.containsDataPropertyInSignature(predicate, Imports.INCLUDED)) {
                if (m.group(OBJECT) != null) fail("data property <" + predicate + "> needs a literal value: " + m.group());
                axioms.add(df.getOWLDataPropertyAssertionAxiom(df.getOWLDataProperty(predicate), individual,
                                                               literal(df, m)));
            } else {
                OWLAnnotationValue value = m.group(OBJECT) != null ? IRI.create(m.group(OBJECT)) : literal(df, m);
                axioms.add(df.getOWLAnnotationAssertionAxiom(df.getOWLAnnotationProperty(predicate), subject, value,
                                                             annotations));
            }
        }
        annotationsOf.keySet().removeAll(annotated);
        if (!annotationsOf.isEmpty()) fail("an axiom annotates a triple the edit does not add: " + annotationsOf.keySet());
        target.addAxioms(axioms);
        System.out.println("ADDED " + axioms.size() + " axioms to " + module);

        OWLDocumentFormat loaded = manager.getOntologyFormat(target);
        if (turtle != null) {
            TurtleDocumentFormat format = new TurtleDocumentFormat();
            copyPrefixes(loaded, format);
            manager.saveOntology(target, format, IRI.create(new File(turtle)));
            System.out.println("SAVED Turtle " + turtle);
        }
        if (rdfxml != null) {
            RDFXMLDocumentFormat format = new RDFXMLDocumentFormat();
            copyPrefixes(loaded, format);
            manager.saveOntology(target, format, IRI.create(new File(rdfxml)));
            System.out.println("SAVED RDF/XML " + rdfxml);
        }
    }

    private static OWLLiteral literal(OWLDataFactory df, Matcher m) {
        String lexical = m.group(LEXICAL).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
        if (m.group(LANGUAGE) != null) return df.getOWLLiteral(lexical, m.group(LANGUAGE));
        if (m.group(DATATYPE) != null) return df.getOWLLiteral(lexical, df.getOWLDatatype(IRI.create(m.group(DATATYPE))));
        return df.getOWLLiteral(lexical, df.getOWLDatatype(IRI.create("http://www.w3.org/2001/XMLSchema#string")));
    }

    private static void copyPrefixes(OWLDocumentFormat from, PrefixDocumentFormat to) {
        if (from instanceof PrefixDocumentFormat) {
            for (Map.Entry<String, String> e : ((PrefixDocumentFormat) from).getPrefixName2PrefixMap().entrySet()) {
                to.setPrefix(e.getKey(), e.getValue());
            }
        }
    }

    private static void fail(String message) {
        System.out.println("ERROR " + message);
        System.exit(1);
    }
}

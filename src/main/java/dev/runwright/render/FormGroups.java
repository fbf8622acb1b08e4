package dev.runwright.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The ways of doing one thing (the console, the AWS CLI, Terraform, CloudFormation, SSM
 * Automation), as pages show them: each marked group ({@code m.forms} in the templates) becomes a
 * {@code <div class="rw-forms">} of {@code <section class="rw-form">}s, each with its heading.
 * Without JavaScript that is the forms one after another; the page's script makes them tabs.
 *
 * <p>A form's name and its tab's label come from its heading as the {@code m.form} macro writes it
 * ("With the AWS CLI" is {@code cli}, "AWS CLI"); a pack's own form ("With AWS CDK") is named after
 * its heading ({@code aws-cdk}, "AWS CDK"), so a fourth form needs no Java change.
 */
final class FormGroups {
  private FormGroups() {}

  /** The built-in forms' headings, as the {@code m.form} macro writes them, to their names. */
  private static final Map<String, String> KNOWN =
      Map.of(
          "in the console", "console",
          "with the aws cli", "cli",
          "with terraform", "terraform",
          "with cloudformation", "cloudformation",
          "with aws cloudformation", "cloudformation",
          "with an ssm automation runbook", "ssm",
          "with ssm automation", "ssm");

  private static final Pattern LEAD = Pattern.compile("(?i)^(?:in|with|using) (?:the |an |a )?");
  private static final Pattern MARKER = Pattern.compile("<!-- runwright:(forms|end-forms) -->\\s*");

  /** A group of forms. */
  static final class Group extends CustomBlock {}

  /**
   * One form of a group, its heading first.
   *
   * @param name its name ({@code cli}), kept by the page's script as the reader's choice
   * @param label its tab's label ("AWS CLI")
   */
  static final class Form extends CustomBlock {
    final String name;
    final String label;

    Form(String name, String label) {
      this.name = name;
      this.label = label;
    }
  }

  /** A form's name and label, from its heading's text. */
  record Named(String name, String label) {}

  static Named named(String heading) {
    String h = heading.strip().replaceAll("\\s+", " ");
    String lower = h.toLowerCase(Locale.ROOT);
    String known = KNOWN.get(lower);
    if (known != null) {
      return new Named(known, FormLabels.of(known));
    }
    String rest = LEAD.matcher(h).replaceFirst("");
    String label = rest.isEmpty() ? h : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    name = name.replaceAll("^-+|-+$", "");
    return new Named(name.isEmpty() ? "form" : name, label);
  }

  /**
   * Wraps each marked group among the document's top-level blocks, one form per heading of the
   * first heading's level, and drops the markers. A group with fewer than two forms keeps its
   * sections as they are. Runs after {@link Outline#annotate}, which reads the top-level blocks.
   */
  static void group(Document doc) {
    Node n = doc.getFirstChild();
    while (n != null) {
      if (!"forms".equals(kind(n))) {
        n = n.getNext();
        continue;
      }
      Node start = n;
      List<Node> inside = new ArrayList<>();
      for (n = n.getNext(); n != null && !"end-forms".equals(kind(n)); n = n.getNext()) {
        inside.add(n);
      }
      Node end = n;
      n = end == null ? null : end.getNext();
      wrap(inside);
      start.unlink();
      if (end != null) {
        end.unlink();
      }
    }
  }

  private static String kind(Node n) {
    if (n instanceof HtmlBlock b && b.getLiteral() != null) {
      var m = MARKER.matcher(b.getLiteral());
      return m.matches() ? m.group(1) : null;
    }
    return null;
  }

  private static void wrap(List<Node> inside) {
    List<Heading> headings = new ArrayList<>();
    for (Node c : inside) {
      if (c instanceof Heading h
          && (headings.isEmpty() || h.getLevel() == headings.get(0).getLevel())) {
        headings.add(h);
      }
    }
    if (headings.size() < 2) {
      return;
    }
    Group group = new Group();
    headings.get(0).insertBefore(group); // what comes before the first form stays before it
    Map<String, Integer> seen = new LinkedHashMap<>();
    Form form = null;
    for (Node c : inside) {
      if (c instanceof Heading h && headings.contains(h)) {
        Named named = named(MarkdownRenderer.textOf(h));
        int count = seen.merge(named.name(), 1, Integer::sum);
        form = new Form(count == 1 ? named.name() : named.name() + "-" + count, named.label());
        group.appendChild(form);
      }
      if (form != null) {
        form.appendChild(c); // appendChild unlinks c from where it was
      }
    }
  }

  /** Whether a node sits at the top of the runbook: in the document, or in a form there. */
  static boolean topLevel(Node parent) {
    return parent instanceof Document
        || parent instanceof Form f
            && f.getParent() instanceof Group g
            && g.getParent() instanceof Document;
  }

  /**
   * Writes a group as {@code <div class="rw-forms" data-rw-forms="">} and each form as {@code
   * <section class="rw-form" data-rw-form="cli" data-rw-label="AWS CLI">}.
   */
  static final class Renderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    Renderer(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Group.class, Form.class);
    }

    @Override
    public void render(Node node) {
      Map<String, String> attributes = new LinkedHashMap<>();
      String tag;
      if (node instanceof Form f) {
        tag = "section";
        attributes.put("class", "rw-form");
        attributes.put("data-rw-form", f.name);
        attributes.put("data-rw-label", f.label);
        if (f.getFirstChild() instanceof Heading h
            && h.getFirstChild() instanceof Outline.Anchor a
            && !a.id.isEmpty()) {
          attributes.put("aria-labelledby", a.id);
        }
      } else {
        tag = "div";
        attributes.put("class", "rw-forms");
        attributes.put("data-rw-forms", "");
      }
      html.line();
      html.tag(tag, context.extendAttributes(node, tag, attributes));
      for (Node child = node.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
      html.line();
      html.tag("/" + tag);
      html.line();
    }
  }
}
